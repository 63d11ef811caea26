"""Small reusable widgets: an optional date, a debounced text saver, focus-area pickers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QDate,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from revmentor_desktop.ui.controls import DateEdit

DATE_FORMAT = "d MMM yyyy"


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def make_date_edit(parent: QWidget | None = None) -> DateEdit:
    edit = DateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setMinimumDate(QDate(1900, 1, 1))
    edit.setMaximumDate(QDate(2200, 12, 31))
    edit.setDate(QDate.currentDate())
    return edit


class OptionalDateEdit(QWidget):
    """A date the user may leave unset: a checkbox that enables a calendar date field."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label, self)
        self.edit = make_date_edit(self)
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.editingFinished.connect(self._date_edited)
        self.edit.dateChanged.connect(self._calendar_pick)
        self.setFocusProxy(self.check)

    def _date_edited(self) -> None:
        if self.check.isChecked():
            self.changed.emit()

    def _calendar_pick(self) -> None:
        # A pick in the popup calendar never sends editingFinished; typing does. Save picks at once.
        if self.check.isChecked() and self.edit.calendarWidget().isVisible():
            self.changed.emit()

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        with QSignalBlocker(self.check), QSignalBlocker(self.edit):
            self.check.setChecked(value is not None)
            self.edit.setEnabled(value is not None)
            if value is not None:
                self.edit.setDate(to_qdate(value))


class TextSaver(QObject):
    """Saves a text field shortly after typing stops, when it loses focus, and on `flush()`.

    `save(text)` returns False when the text was refused; the text then stays in the field (nothing
    the user typed is thrown away) and the next edit tries again.
    """

    DELAY_MS = 600

    def __init__(self, field: QLineEdit | QPlainTextEdit, save: Callable[[str], bool]) -> None:
        super().__init__(field)
        self._field = field
        self._save = save
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self.flush)
        if isinstance(field, QLineEdit):
            field.textEdited.connect(self._edited)
            field.editingFinished.connect(self.flush)
        else:
            field.textChanged.connect(self._edited_plain)
        field.installEventFilter(self)

    def _edited(self, _text: str = "") -> None:
        self._dirty = True
        self._timer.start()

    def _edited_plain(self) -> None:
        # textChanged also fires when a highlighter re-colours the text; only a real edit sets the
        # document's modified flag (setPlainText and a successful save clear it).
        assert isinstance(self._field, QPlainTextEdit)
        if not self._loading and self._field.document().isModified():
            self._edited()

    _loading = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._field and event.type() == QEvent.Type.FocusOut:
            self.flush()
        return False

    def text(self) -> str:
        if isinstance(self._field, QLineEdit):
            return self._field.text()
        return self._field.toPlainText()

    def flush(self) -> None:
        self._timer.stop()
        if not self._dirty:
            return
        if self._save(self.text()):
            self._mark_clean()

    def _mark_clean(self) -> None:
        self._dirty = False
        if isinstance(self._field, QPlainTextEdit):
            self._field.document().setModified(False)

    def discard(self) -> None:
        """Forget pending typing (the field is about to show another row)."""
        self._timer.stop()
        self._mark_clean()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_text(self, text: str) -> None:
        """Show a value from the file, unless the user has unsaved typing in the field."""
        if self._dirty:
            return
        if self.text() == text:
            return
        self._loading = True
        try:
            if isinstance(self._field, QLineEdit):
                self._field.setText(text)
                self._field.setCursorPosition(0)
            else:
                self._field.setPlainText(text)
        finally:
            self._loading = False


PLAIN = Qt.TextFormat.PlainText


def plain_tooltip(text: str) -> str:
    """Tooltip markup that shows `text` exactly as typed.

    Qt renders any tooltip that looks like HTML as HTML, so user text is escaped and wrapped in a
    paragraph that keeps its line breaks.
    """
    if not text:
        return ""
    import html

    return '<p style="white-space:pre-wrap">' + html.escape(text, quote=False) + "</p>"


class SheetFollowsTheme(QObject):
    """Keeps a widget's own style sheet, `sheet()`, in step with the theme: sets it now, and again
    when the theme or the widget's palette changes. Only a sheet that differs is set: setting one
    re-polishes the widget."""

    def __init__(self, widget: QWidget, sheet: Callable[[], str]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._sheet = sheet
        widget.installEventFilter(self)
        from revmentor_desktop.ui.theme import notifier

        notifier().changed.connect(self.restyle)
        self.restyle()

    def restyle(self) -> None:
        sheet = self._sheet()
        if self._widget.styleSheet() != sheet:
            self._widget.setStyleSheet(sheet)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._widget and event.type() == QEvent.Type.PaletteChange:
            self.restyle()
        return False


def backdrop(widget: QWidget) -> QPalette:
    """The palette of what `widget` stands on, as the theme is now: its parent's when the parent
    was given one of its own (a tinted panel), else the application's. Not the widget's own
    palette: a style sheet of its own pins that, and Qt hands a new application palette down to
    widgets only on a later event-loop turn, so either would lag a theme switch. (Only the parent
    is asked: walking further up would make Python wrappers, and their classes' enums, for every
    container on the way, ~10 ms while the window opens.)"""
    parent = widget.parentWidget()
    if parent is not None and parent.testAttribute(Qt.WidgetAttribute.WA_SetPalette):
        return parent.palette()
    return QGuiApplication.palette()


def wrapped_label(text: str, parent: QWidget) -> QLabel:
    """A label that shows `text` as typed (never as HTML), wrapped to its width."""
    label = QLabel(text, parent)
    label.setTextFormat(PLAIN)
    label.setWordWrap(True)
    return label


def problem_label(parent: QWidget) -> QLabel:
    """The red line where a form says what is wrong with the input (empty until it has to): a deep
    red on a light theme, a soft one on a dark theme (both 4.5:1 or better on the window)."""
    label = wrapped_label("", parent)

    def sheet() -> str:
        from revmentor_desktop.ui.theme import tone

        return f"color: {tone('#b00020', '#ff8a80', backdrop(label)).name()};"

    SheetFollowsTheme(label, sheet)
    return label


def heading(text: str, parent: QWidget, *, scale: float = 1.0, wrap: bool = False) -> QLabel:
    """A bold line of plain text over a part of a tab, `scale` times the usual size."""
    label = wrapped_label(text, parent)
    label.setWordWrap(wrap)
    embolden(label, scale)
    return label


def embolden(widget: QWidget, scale: float) -> None:
    """Make `widget`'s font bold and `scale` times as large (a heading, a figure that stands out)."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    widget.setFont(font)


def muted_label(text: str, parent: QWidget) -> QLabel:
    """A hint or empty-state line, in the theme's placeholder colour (dark themes included)."""
    label = wrapped_label(text, parent)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps them onto new lines when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        parent = self.parentWidget()
        for item in self._items:
            widget = item.widget()
            if widget is not None and parent is not None and not widget.isVisibleTo(parent):
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x = area.x()
                y += line_height + self._spacing
                line_height = 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + m.bottom()


def labelled(label: str, field: QWidget, parent: QWidget) -> QWidget:
    """A label and its field kept together as one unit (for flow layouts)."""
    from PySide6.QtWidgets import QLabel

    unit = QWidget(parent)
    row = QHBoxLayout(unit)
    row.setContentsMargins(0, 0, 0, 0)
    caption = QLabel(label, unit)
    caption.setBuddy(field)
    row.addWidget(caption)
    row.addWidget(field)
    return unit


def text_box(parent: QWidget, name: str, placeholder: str, lines: int) -> QPlainTextEdit:
    """A box for a long text field, `lines` high; Tab moves on instead of typing a tab."""
    box = QPlainTextEdit(parent)
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    line = box.fontMetrics().lineSpacing()
    box.setFixedHeight(line * lines + 14)  # predictable form; long text scrolls inside the box
    box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return box


class DeleteKey(QObject):
    """Delete pressed in a list or table (not while a cell is being edited) calls `delete`, when
    `allowed`: there the key means "delete this row". The window's Edit › Delete is no shortcut
    (ui/window/menus.py), so the key deletes nothing where no list claims it: not in a form."""

    def __init__(self, view: QAbstractItemView, delete: Callable[[], object],
                 allowed: Callable[[], bool]) -> None:
        super().__init__(view)
        self._view = view
        self._delete = delete
        self._allowed = allowed
        view.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (obj is self._view and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Delete
                and event.modifiers() == Qt.KeyboardModifier.NoModifier
                and self._view.state() != QAbstractItemView.State.EditingState and self._allowed()):
            self._delete()
            return True
        return super().eventFilter(obj, event)


def form_scroll(parent: QWidget, content: QWidget | None = None) -> QScrollArea:
    """A frameless scroll area for a form (or a tab's page) that grows with it. It is no stop of
    Tab's: the fields in it are, and whichever takes the focus is scrolled into view (a scroll
    area that took the focus showed no sign of it, so typing went nowhere)."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    if content is not None:
        area.setWidget(content)
    return area

