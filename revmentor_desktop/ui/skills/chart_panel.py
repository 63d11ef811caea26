"""The Skills tab's right side: whose skills to show, which skill, and the progress chart.
matplotlib and the chart module are imported when the first chart is drawn, never at import."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from revmentor_desktop.data.vocab import Role
from revmentor_desktop.ui.skills.labels import person_label
from revmentor_desktop.ui.widgets import muted_label

if TYPE_CHECKING:  # matplotlib is heavy: imported for real the first time the chart is drawn
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

    from revmentor_desktop.data.models import Skill
    from revmentor_desktop.report.charts import LegendShape, SkillSeries

#: Figure units: the chart is built at this many dots per inch (times the screen's pixel ratio).
CHART_DPI = 100
#: matplotlib settings for the on-screen chart, in force while it is built and drawn:
#: skill names are the user's text, so a "$" must not switch matplotlib into maths mode; and
#: unhinted text draws about a fifth faster and looks as good on screen.
SCREEN_RC: dict[RcKeyType, bool | str] = {"text.parse_math": False, "text.hinting": "no_hinting"}


@cache
def _canvas_class() -> type[FigureCanvasQTAgg]:
    """FigureCanvasQTAgg drawing with SCREEN_RC (defined here: importing it imports matplotlib)."""
    import matplotlib
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    class FigureCanvasOnScreen(FigureCanvasQTAgg):
        def draw(self) -> None:
            with matplotlib.rc_context(SCREEN_RC):
                super().draw()

    return FigureCanvasOnScreen


def chart_description(series: Sequence[SkillSeries], gaps: dict[int, int]) -> str:
    """What the chart shows, in words, for screen readers."""
    rated = [s for s in series if s.self_points or s.partner_points]
    if not rated:
        return "No ratings to show yet."
    parts = [f"Levels over time of {len(rated)} skill{'s' if len(rated) != 1 else ''}: "
             + ", ".join(s.label for s in rated) + "."]
    flagged = [s.label for s in rated if s.skill_id in gaps]
    if flagged:
        parts.append("Self and partner ratings differ by 2 or more for " + ", ".join(flagged) + ".")
    return " ".join(parts)


class ChartPanel(QWidget):
    """The filters over the chart, and the chart (a "Drawing the chart…" note until the first)."""

    #: The person or the skill shown changed (the skill list already follows the person).
    filters_changed = Signal()
    #: The chart's room changed size, and the resizing has paused for a moment.
    resized = Signal()
    #: The chart has painted for the first time.
    first_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas: FigureCanvasQTAgg | None = None
        self._skills: Sequence[Skill] = []
        self._names: dict[str, str] = {}
        self._legend_shape: LegendShape | None = None
        self._legend_place: tuple[str, int, float] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(self._build_filters())
        host = self._build_host()
        self.chart_hint = muted_label("Too many lines to label in this space: choose a person or a "
                                      "skill above, or give the chart more room.", self)
        self.chart_hint.hide()
        layout.addWidget(self.chart_hint)
        layout.addWidget(host, 1)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(150)
        self._resize_timer.timeout.connect(self.resized.emit)
        self.chart_host.installEventFilter(self)
        self.person_filter.currentIndexChanged.connect(lambda _i: self._person_changed())
        self.skill_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())

    def _build_filters(self) -> QHBoxLayout:
        self.person_filter = QComboBox(self)
        self.person_filter.setAccessibleName("Show the skills of")
        self.skill_filter = QComboBox(self)
        self.skill_filter.setAccessibleName("Show one skill")
        self.skill_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.skill_filter.setMinimumContentsLength(18)
        person_caption = QLabel("&Person:", self)
        person_caption.setBuddy(self.person_filter)
        skill_caption = QLabel("Sk&ill:", self)
        skill_caption.setBuddy(self.skill_filter)
        filters = QHBoxLayout()
        filters.addWidget(person_caption)
        filters.addWidget(self.person_filter)
        filters.addSpacing(8)
        filters.addWidget(skill_caption)
        filters.addWidget(self.skill_filter, 1)
        return filters

    def _build_host(self) -> QWidget:
        """The room the chart takes, holding a note until the canvas replaces it."""
        self.chart_host = QWidget(self)
        self.chart_host.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.chart_host.setMinimumSize(380, 300)
        self._host_layout = QVBoxLayout(self.chart_host)
        self._host_layout.setContentsMargins(0, 0, 0, 0)
        self._wait = muted_label("Drawing the chart…", self.chart_host)
        self._wait.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._host_layout.addWidget(self._wait)
        return self.chart_host

    # -- the filters ---------------------------------------------------------------------------------

    def set_people(self, names: dict[str, str]) -> None:
        """Offer "All" and the two partners under their names, keeping the choice made."""
        with QSignalBlocker(self.person_filter):
            current = self.person_filter.currentData()
            self.person_filter.clear()
            self.person_filter.addItem("All", None)
            for role in (Role.MENTOR.value, Role.MENTEE.value):
                self.person_filter.addItem(person_label(role, names), role)
            self.person_filter.setCurrentIndex(max(0, self.person_filter.findData(current)))

    def set_skills(self, skills: Sequence[Skill], names: dict[str, str]) -> None:
        """Offer "All" and each skill of the person chosen, keeping the choice made."""
        self._skills, self._names = skills, names
        self._fill_skill_filter()

    def _fill_skill_filter(self) -> None:
        person = self.person()
        with QSignalBlocker(self.skill_filter):
            current = self.skill_filter.currentData()
            self.skill_filter.clear()
            self.skill_filter.addItem("All", None)
            for s in self._skills:
                if person is None or s.owner == person:
                    self.skill_filter.addItem(f"{s.name} ({self._names.get(s.owner, '')})", s.id)
            self.skill_filter.setCurrentIndex(max(0, self.skill_filter.findData(current)))
        has_skills = bool(self._skills)
        self.person_filter.setEnabled(has_skills)
        self.skill_filter.setEnabled(has_skills)

    def _person_changed(self) -> None:
        self._fill_skill_filter()
        self.filters_changed.emit()

    def person(self) -> str | None:
        """The partner whose skills are shown ("mentor" or "mentee"), or None for both."""
        person = self.person_filter.currentData()
        return None if person is None else str(person)

    def shown(self, skills: Sequence[Skill]) -> list[Skill]:
        """The skills the filters let through."""
        person = self.person()
        skill_id = self.skill_filter.currentData()
        return [s for s in skills
                if (person is None or s.owner == person) and (skill_id is None or s.id == skill_id)]

    # -- the chart -----------------------------------------------------------------------------------

    def show_chart(self, series: list[SkillSeries], gaps: dict[int, int]) -> None:
        """Build the Figure for `series` at the size there is and show it (and say it in words)."""
        size = (self.canvas or self.chart_host).size()
        fig = self._figure(series, gaps, size.width(), size.height())
        crowded = self._legend_shape is not None and self._legend_place is None
        self.chart_hint.setVisible(crowded)
        if self.canvas is None:
            self.canvas = self._make_canvas(fig)
        else:
            # Swapping the Figure into the canvas we have is faster than a new canvas widget.
            canvas = self.canvas
            canvas.figure = fig
            fig.set_canvas(canvas)
            ratio = canvas.device_pixel_ratio
            if ratio != 1:
                fig.set_dpi(CHART_DPI * ratio)
            canvas.draw_idle()
        self.canvas.setAccessibleDescription(chart_description(series, gaps))

    def _make_canvas(self, fig: Figure) -> FigureCanvasQTAgg:
        canvas = _canvas_class()(fig)
        canvas.setParent(self.chart_host)
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        canvas.setAccessibleName("Skills progress chart")
        self._host_layout.removeWidget(self._wait)
        self._wait.hide()
        self._host_layout.addWidget(canvas)
        canvas.installEventFilter(self)  # until its first paint
        return canvas

    def _figure(self, series: list[SkillSeries], gaps: dict[int, int], width_px: int,
                height_px: int) -> Figure:
        import matplotlib

        from revmentor_desktop.report.charts import chart_legend_place, legend_shape, skills_figure

        width, height = max(width_px, 100) / CHART_DPI, max(height_px, 100) / CHART_DPI
        with matplotlib.rc_context(SCREEN_RC):
            fig = skills_figure(series, gaps=gaps, width=width, height=height, dpi=CHART_DPI)
        self._legend_shape = legend_shape(series)
        self._legend_place = chart_legend_place(series, width, height, CHART_DPI)
        return fig

    def legend_misplaced(self) -> bool:
        """Would the legend now go elsewhere (the chart was resized since it was drawn)?"""
        from revmentor_desktop.report.charts import legend_place

        if self._legend_shape is None:
            return False
        size = self.chart_host.size()
        return legend_place(self._legend_shape, max(size.width(), 100), max(size.height(), 100),
                            CHART_DPI) != self._legend_place

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.chart_host and event.type() == QEvent.Type.Resize and self.canvas is not None:
            self._resize_timer.start()
        elif obj is self.canvas and event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            self.first_painted.emit()
        return super().eventFilter(obj, event)
