"""Column fitting in plain numbers: no Qt, no fonts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from revmentor_desktop.ui.layout import SCREEN_SHARE, fit_columns, fit_minimum, fit_window

# The Goals table as DejaVu Sans 9 pt measures it, with an overdue goal: title, owner, focus area,
# status, progress, target date.
WANTED = {"title": 230, "owner": 158, "focus": 142, "status": 86, "progress": 77, "target": 185}
MINIMUM = {"title": 48, "owner": 63, "focus": 91, "status": 66, "progress": 58, "target": 121}
# Whole text still shown: status and target in full, the owner as just "Mentee".
COMFORTABLE = {**MINIMUM, "status": 86, "target": 185}


def fit(available: int, floor: int = 120, droppable: tuple[str, ...] = ("focus",),
        comfortable: dict[str, int] | None = None) -> dict[str, int]:
    return fit_columns(available, WANTED, MINIMUM, "title", floor, droppable, comfortable)


def test_everything_fits_at_its_wanted_width_and_the_title_takes_the_rest() -> None:
    widths = fit(1000)
    assert {c: w for c, w in widths.items() if c != "title"} == {c: w for c, w in WANTED.items()
                                                                  if c != "title"}
    assert widths["title"] == 1000 - (158 + 142 + 86 + 77 + 185)


def test_the_title_gives_way_first_down_to_its_floor() -> None:
    others = 158 + 142 + 86 + 77 + 185
    widths = fit(others + 150, floor=120)
    assert widths["title"] == 150
    assert widths["target"] == 185 and widths["status"] == 86


def test_then_the_others_shrink_by_the_same_share_of_their_slack() -> None:
    others_min = 63 + 91 + 66 + 58 + 121
    slack = {c: WANTED[c] - MINIMUM[c] for c in WANTED if c != "title"}
    spare = sum(slack.values()) // 2
    widths = fit(120 + others_min + spare)
    assert widths["title"] == 120
    for col, s in slack.items():  # each keeps half its slack, give or take a pixel of rounding
        assert abs((widths[col] - MINIMUM[col]) - s / 2) <= 1


def test_status_and_target_shrink_too_so_a_narrow_table_needs_no_scrollbar() -> None:
    # The Goals tab at 900 x 700 with 9 pt DejaVu: 484 px. The old fitting left Status and Target
    # at full width and the title at 92 px.
    widths = fit(484)
    assert sum(widths.values()) == 484
    assert widths["title"] >= 120
    assert widths["status"] < WANTED["status"] and widths["target"] < WANTED["target"]


def test_a_droppable_column_goes_before_the_title_narrows_below_its_floor() -> None:
    others_min = 63 + 66 + 58 + 121  # without the focus area
    widths = fit(120 + others_min + 20)
    assert widths["focus"] == 0
    assert widths["title"] >= 120
    assert sum(widths.values()) == 120 + others_min + 20


def test_below_the_floor_the_title_narrows_to_its_minimum_then_everything_overflows() -> None:
    others_min = 63 + 66 + 58 + 121
    widths = fit(others_min + 60)
    assert widths["title"] == 60
    widths = fit(100)
    assert widths["title"] == MINIMUM["title"]
    assert all(widths[c] == MINIMUM[c] for c in ("owner", "status", "progress", "target"))


def test_columns_give_up_their_comfortable_width_only_after_the_droppable_column_is_gone() -> None:
    comfortable_others = 63 + 91 + 86 + 58 + 185
    widths = fit(120 + comfortable_others + 10, comfortable=COMFORTABLE)
    assert widths["focus"] > 0
    assert all(widths[c] >= COMFORTABLE[c] for c in COMFORTABLE if c != "title")
    widths = fit(120 + comfortable_others - 10, comfortable=COMFORTABLE)
    assert widths["focus"] == 0  # gone, and what it had goes back to the others
    assert widths["status"] == 86 and widths["target"] == 185 and widths["owner"] > 63
    widths = fit(484, comfortable=COMFORTABLE)  # then status and target elide
    assert widths["focus"] == 0 and widths["title"] >= 120 and sum(widths.values()) == 484
    assert MINIMUM["target"] <= widths["target"] < 185 and MINIMUM["status"] <= widths["status"] < 86


def test_a_minimum_above_the_wanted_width_wins() -> None:
    widths = fit_columns(50, {"t": 10, "a": 10}, {"t": 20, "a": 40}, "t", 30)
    assert widths == {"t": 20, "a": 40}


# -- properties ------------------------------------------------------------------------------------

width = st.integers(min_value=0, max_value=400)


Widths = dict[int, int]
Table = tuple[Widths, Widths, Widths | None, int, int, list[int]]


@st.composite
def tables(draw: st.DrawFn) -> Table:
    """Column 0 is the title. Wanted widths are drawn at or above the minimums, mostly."""
    n = draw(st.integers(min_value=1, max_value=7))
    minimum = {c: draw(width) for c in range(n)}
    wanted = {c: max(0, minimum[c] + draw(st.integers(min_value=-20, max_value=400))) for c in range(n)}
    comfortable = draw(st.none() | st.fixed_dictionaries({c: width for c in range(n)}))
    floor = draw(st.integers(min_value=0, max_value=500))
    droppable = draw(st.lists(st.sampled_from(range(1, n)), unique=True) if n > 1 else st.just([]))
    available = draw(st.integers(min_value=0, max_value=2500))
    return wanted, minimum, comfortable, floor, available, droppable


@given(tables())
def test_the_rules_hold_for_any_table(table: Table) -> None:
    wanted, minimum, comfortable, floor, available, droppable = table
    widths = fit_columns(available, wanted, minimum, 0, floor, droppable, comfortable)
    wanted = {c: max(wanted[c], minimum[c]) for c in wanted}  # a minimum above the wanted wins
    assert widths.keys() == wanted.keys()
    for col, w in widths.items():  # every column gets its minimum, unless it was dropped
        assert w >= minimum[col] or (w == 0 and col in droppable)
    kept_min = sum(minimum[c] for c in wanted if c not in droppable)
    if kept_min <= available:  # the minimums fit: nothing overflows, and nothing is wasted
        assert sum(widths.values()) == available
    floor = min(max(floor, minimum[0]), wanted[0])
    if kept_min - minimum[0] + floor <= available:  # room for the title's floor: it gets it
        assert widths[0] >= floor
    if sum(wanted.values()) <= available:  # everything fits: nobody shrinks, nothing is dropped
        assert all(widths[c] == wanted[c] for c in wanted if c != 0)
    for col in widths:  # nobody gets more than they want, except the title, which takes the rest
        assert col == 0 or widths[col] <= wanted[col]
    comfy = {c: min(max((comfortable or minimum)[c], minimum[c]), wanted[c]) for c in wanted}
    if floor + sum(comfy[c] for c in wanted if c != 0) <= available:  # no one gives up any text
        assert all(widths[c] >= comfy[c] for c in wanted if c != 0)
    kept_comfy = sum(comfy[c] for c in wanted if c != 0 and c not in droppable)
    if floor + kept_comfy <= available:  # the comfortable widths of the rest fit: they get them
        assert all(widths[c] >= comfy[c] for c in wanted if c != 0 and widths[c] != 0)


@given(tables(), st.integers(min_value=1, max_value=300))
def test_a_wider_table_never_narrows_a_column(table: Table, extra: int) -> None:
    wanted, minimum, comfortable, floor, available, _droppable = table  # (hiding one widens others)
    narrow = fit_columns(available, wanted, minimum, 0, floor, comfortable=comfortable)
    wide = fit_columns(available + extra, wanted, minimum, 0, floor, comfortable=comfortable)
    assert wide[0] >= narrow[0]
    assert all(wide[c] >= narrow[c] - 1 for c in wanted)  # others: at most a pixel of rounding


# -- the main window on the screen -------------------------------------------------------------------

screens = st.tuples(st.integers(-3000, 3000), st.integers(-3000, 3000),
                    st.integers(200, 8000), st.integers(200, 5000))


@given(screens, st.integers(-9000, 9000), st.integers(-9000, 9000),
       st.integers(1, 10000), st.integers(1, 10000))
def test_a_window_always_fits_its_screen(screen: tuple[int, int, int, int], x: int, y: int,
                                         w: int, h: int) -> None:
    sx, sy, sw, sh = screen
    fx, fy, fw, fh = fit_window(x, y, w, h, screen)
    assert fw <= sw * SCREEN_SHARE and fh <= sh * SCREEN_SHARE
    assert sx <= fx and fx + fw <= sx + sw and sy <= fy and fy + fh <= sy + sh
    assert fw <= w and fh <= h  # never grows


def test_scale_two_on_a_laptop_screen() -> None:
    # 1400×900 pixels at scale 2 is 700×450 (less a panel) of room: the 1300×850 first window fits.
    assert fit_window(0, 0, 1300, 850, (0, 0, 700, 420)) == (35, 21, 630, 378)
    assert fit_minimum(760, 520, (0, 0, 700, 420)) == (630, 378)
    assert fit_minimum(760, 520, (0, 0, 1920, 1040)) == (760, 520)


def test_a_window_that_fits_stays_put() -> None:
    assert fit_window(100, 80, 1200, 800, (0, 0, 1920, 1040)) == (100, 80, 1200, 800)
    # Off the right edge (a screen since unplugged): moved back on, size kept.
    assert fit_window(3000, 80, 1200, 800, (0, 0, 1920, 1040)) == (720, 80, 1200, 800)
