"""The Skills tab's right side: the progress chart (one panel per skill, or one large chart for a
single skill), scrolling when the panels need more height than there is. matplotlib and the chart
module are imported when the first chart is drawn, never at import."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from revmentor_desktop.ui.skills.canvas import canvas_class
from revmentor_desktop.ui.theme import is_dark
from revmentor_desktop.ui.theme import notifier as theme_notifier
from revmentor_desktop.ui.widgets import muted_label

if TYPE_CHECKING:  # matplotlib is heavy: imported for real the first time the chart is drawn
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    from revmentor_desktop.report.charts import SkillSeries, SkillsFigure

#: Figure units: the chart is built at this many dots per inch (times the screen's pixel ratio).
CHART_DPI = 100
#: The least room the chart's scroll area takes (pixels). Low enough for a small screen at scale 2
#: (the chart under the tables): where the panels need more height than that, the area scrolls.
MIN_WIDTH, MIN_HEIGHT = 340, 100


def chart_description(series: Sequence[SkillSeries], gaps: dict[int, int]) -> str:
    """What the chart shows, in words, for screen readers."""
    rated = [s for s in series if s.rated]
    if not rated:
        return QCoreApplication.translate("ChartPanel", "No ratings to show yet.")
    none = QCoreApplication.translate("ChartPanel", "none")

    def latest(points: tuple[tuple[object, int], ...]) -> str:
        return str(points[-1][1]) if points else none

    part = QCoreApplication.translate(
        "ChartPanel", "{skill}: latest self {self_level}, partner {partner_level}, target {target}.")
    parts = [part.format(skill=s.label, self_level=latest(s.self_points),
                         partner_level=latest(s.partner_points), target=s.target_level) for s in rated]
    flagged = [s.label for s in rated if s.skill_id in gaps]
    if flagged:
        parts.append(QCoreApplication.translate(
            "ChartPanel", "Self and partner ratings differ by 2 or more for {skills}.").format(
            skills=", ".join(flagged)))
    if len(rated) == 1:
        intro = QCoreApplication.translate("ChartPanel", "Levels over time of {n} skill.")
    else:
        intro = QCoreApplication.translate("ChartPanel", "Levels over time of {n} skills.")
    return intro.format(n=len(rated)) + " " + " ".join(parts)


class ChartPanel(QWidget):
    """The chart (a "Drawing the chart…" note until the first), in a scroll area that scrolls
    only when the panels would otherwise be too small to read."""

    #: The chart has painted for the first time.
    first_painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas: FigureCanvasQTAgg | None = None
        self.figure: SkillsFigure | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.chart_host = QWidget(self.scroller)
        self.chart_host.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._host_layout = QVBoxLayout(self.chart_host)
        self._host_layout.setContentsMargins(0, 0, 0, 0)
        self._wait = muted_label(self.tr("Drawing the chart…"), self.chart_host)
        self._wait.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._host_layout.addWidget(self._wait)
        self.scroller.setWidget(self.chart_host)
        layout.addWidget(self.scroller)
        self.scroller.viewport().installEventFilter(self)
        theme_notifier().changed.connect(self._retheme)

    def _retheme(self) -> None:
        if self.figure is not None and self.canvas is not None:
            self._set_ink()
            self.canvas.draw_idle()

    def chart_font_size(self) -> float:
        """The chart's font size (points at CHART_DPI) that looks as big as the window's text."""
        font = self.font()
        size = font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 72 / self.logicalDpiY()
        return max(6.0, size * self.logicalDpiY() / CHART_DPI)

    def show_chart(self, series: list[SkillSeries], gaps: dict[int, int]) -> None:
        """Show `series` (laid out for the room there is) and say it in words."""
        import matplotlib

        from revmentor_desktop.report.charts import SkillsFigure

        if self.figure is None:
            with matplotlib.rc_context({"text.parse_math": False}):
                self.figure = SkillsFigure(figsize=(4, 3), dpi=CHART_DPI)
        self.figure.set_data(series, gaps, font_size=self.chart_font_size())
        self._set_ink()
        self._fit_height()
        if self.canvas is None:
            self.canvas = self._make_canvas(self.figure)
        else:
            self.canvas.draw_idle()
        self.canvas.setAccessibleDescription(chart_description(series, gaps))

    def _fit_height(self) -> None:
        """Give the chart the height its panels need to be read: the room there is, or more (the
        panel scrolls)."""
        if self.figure is None:  # (matplotlib is not imported before the first chart)
            return
        from revmentor_desktop.report.charts import natural_height, plan_grid

        view = self.scroller.viewport().size()
        width_pt, height_pt = (v * 72 / CHART_DPI for v in (view.width(), view.height()))
        frame = self.figure.frame(width_pt)
        needed = 0
        rated = any(s.rated for s in self.figure.series)
        if rated and plan_grid(frame, width_pt, height_pt) is None:
            needed = int(natural_height(frame, width_pt, one_line=False) * CHART_DPI / 72) + 1
        if needed != self.chart_host.minimumHeight():
            self.chart_host.setMinimumHeight(needed)

    def _make_canvas(self, fig: SkillsFigure) -> FigureCanvasQTAgg:
        canvas = canvas_class()(fig)
        canvas.setParent(self.chart_host)
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        canvas.setAccessibleName(self.tr("Skills progress chart"))
        self._host_layout.removeWidget(self._wait)
        self._wait.hide()
        self._host_layout.addWidget(canvas)
        canvas.installEventFilter(self)  # until its first paint
        return canvas

    def _set_ink(self) -> None:
        """The chart's colours for the window's theme (light text on dark panels, or the paper's)."""
        if self.figure is None:
            return
        from revmentor_desktop.report.charts import DARK_INK, LIGHT_INK

        self.figure.set_ink(DARK_INK if is_dark() else LIGHT_INK)

    def changeEvent(self, event: QEvent) -> None:
        """A new font (the desktop's, or a larger one chosen) redraws the chart in its size; a new
        theme, in its colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.figure is not None and self.canvas is not None:
            self._set_ink()
            self.canvas.draw_idle()
        if event.type() == QEvent.Type.FontChange and self.figure is not None and self.canvas is not None:
            self.figure.set_data(self.figure.series, self.figure.gaps, font_size=self.chart_font_size())
            self._fit_height()
            self.canvas.draw_idle()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.scroller.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_height()
        elif obj is self.canvas and event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            self.first_painted.emit()
        return super().eventFilter(obj, event)
