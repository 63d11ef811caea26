"""The Skills chart's canvas: FigureCanvasQTAgg with the screen's matplotlib settings, and a text
cache. matplotlib is imported when the first canvas is made, never when this module is.

Why a text cache: matplotlib (3.11) shapes and rasterises a text glyph by glyph each time it is
drawn, about 0.8 ms for a short label, and the chart's labels (levels, years, skill names, the
legend) are most of the time of a redraw; yet a change of filter draws nearly the same texts
again. So the renderer keeps the coverage mask of each text it has drawn (by text, font, size,
resolution and hinting) and stamps it in the text's colour the next time, at the nearest whole
pixel. Rotated text and anything else unusual is drawn the usual way.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.typing import RcKeyType

#: matplotlib settings for the on-screen chart, in force while it is drawn: skill names are the
#: user's text, so a "$" must not switch matplotlib into maths mode; and unhinted text draws
#: faster and looks as good on screen.
SCREEN_RC: dict[RcKeyType, bool | str] = {"text.parse_math": False, "text.hinting": "no_hinting"}
#: How many text masks are kept (a few kilobytes each).
TEXT_CACHE_SIZE = 600


@cache
def canvas_class() -> type[FigureCanvasQTAgg]:
    """FigureCanvasQTAgg drawing with SCREEN_RC and the caching renderer."""
    import matplotlib
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    renderer_class = _caching_renderer_class()

    class FigureCanvasOnScreen(FigureCanvasQTAgg):
        def draw(self) -> None:
            with matplotlib.rc_context(SCREEN_RC):
                super().draw()

        def get_renderer(self) -> Any:
            w, h = self.get_width_height(physical=True)
            key = w, h, self.figure.dpi
            if self._lastKey != key:
                self.renderer = renderer_class(w, h, self.figure.dpi)
                self._lastKey = key
            return self.renderer

    return FigureCanvasOnScreen


@cache
def _caching_renderer_class() -> type[Any]:
    import numpy as np
    from matplotlib.backends.backend_agg import RendererAgg, get_hinting_flag

    masks: OrderedDict[tuple[object, ...], tuple[Any, int, int]] = OrderedDict()

    class TextCachingRendererAgg(RendererAgg):
        def draw_text(self, gc: Any, x: float, y: float, s: str, prop: Any, angle: float,
                      ismath: Any = False, mtext: Any = None) -> None:
            if ismath or angle or not gc.get_antialiased() or not s.strip():
                super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
                return
            key = (s, tuple(prop.get_family()), prop.get_style(), prop.get_weight(), prop.get_stretch(),
                   prop.get_size_in_points(), prop.get_file(), self.dpi, get_hinting_flag())
            found = masks.get(key)
            if found is None:
                found = masks[key] = self._text_mask(s, prop, mtext)
                if len(masks) > TEXT_CACHE_SIZE:
                    masks.popitem(last=False)
            else:
                masks.move_to_end(key)
            mask, left, bottom = found
            if mask is not None:
                # y is the baseline, counted down from the top; the mask's corner is below it.
                self._renderer.draw_text_image(mask, round(x) + left, round(y) + bottom, 0, gc)

        def _text_mask(self, s: str, prop: Any, mtext: Any) -> tuple[Any, int, int]:
            """`s` drawn once on its own: its coverage, cropped, and where its lower left corner
            lies from the baseline's start (pixels, y down)."""
            w, h, d = self.get_text_width_height_descent(s, prop, False)
            pad = 4
            width, height = int(w) + 2 * pad + 4, int(h) + 2 * pad + 4
            scratch = RendererAgg(width, height, self.dpi)
            baseline = height - pad - int(d) - 2
            gc = scratch.new_gc()
            gc.set_foreground((0, 0, 0, 1))
            RendererAgg.draw_text(scratch, gc, pad, baseline, s, prop, 0, False, mtext)
            gc.restore()
            alpha = np.asarray(scratch.buffer_rgba())[:, :, 3]
            rows, cols = np.nonzero(alpha.any(axis=1))[0], np.nonzero(alpha.any(axis=0))[0]
            if not len(rows):
                return None, 0, 0
            top, bottom, first, last = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
            mask = np.ascontiguousarray(alpha[top:bottom, first:last])
            return mask, int(first) - pad, int(bottom) - baseline

    return TextCachingRendererAgg
