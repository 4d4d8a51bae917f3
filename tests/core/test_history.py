"""Back and forward retrace jumps like a browser."""

from reader.history import NavigationHistory


def test_back_and_forward_retrace_visits():
    history = NavigationHistory[str]()
    for place in ("a", "b", "c"):
        history.visit(place)
    assert history.back() == "b"
    assert history.back() == "a"
    assert history.back() is None
    assert history.forward() == "b"


def test_a_new_visit_forgets_what_was_ahead():
    history = NavigationHistory[str]()
    for place in ("a", "b", "c"):
        history.visit(place)
    history.back()
    history.visit("d")
    assert not history.can_go_forward
    assert history.back() == "b"


def test_history_keeps_a_bounded_number_of_places():
    history = NavigationHistory[int](limit=3)
    for place in range(10):
        history.visit(place)
    assert [history.back(), history.back(), history.back()] == [8, 7, None]
