"""analysis.kept: values made once per key, the table emptied when full."""

from analysis.kept import Kept


def test_a_value_is_made_once_per_key_and_made_again_after_the_full_table_is_emptied():
    made = []
    kept: Kept[str] = Kept(2)

    def make(key: str):
        return lambda: made.append(key) or key.upper()

    assert [kept.get(k, make(k)) for k in ("a", "b", "a", "b")] == ["A", "B", "A", "B"]
    assert made == ["a", "b"]
    assert kept.get("c", make("c")) == "C"  # full: emptied, then c kept alone
    assert kept.get("a", make("a")) == "A"
    assert made == ["a", "b", "c", "a"]
