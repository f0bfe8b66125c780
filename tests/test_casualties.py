from __future__ import annotations

import pytest

from conflictwire.extract.casualties import counts_in


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The raid killed at least one soldier.", [("killed", 1, "state forces")]),
        (
            "The attack wounded six people, while seven assailants were killed and eight arrested.",
            [("wounded", 6, None), ("killed", 7, "perpetrators"), ("arrested", 8, "perpetrators")],
        ),
        ("Gunmen abducted dozens of women from the village.", [("kidnapped", 12, "civilians")]),
        ("The death toll rose to 20.", [("killed", 20, None)]),
        ("No one was hurt in the blast.", [("wounded", 0, None)]),
        ("Police arrested more than 40 protesters.", [("arrested", 40, "civilians")]),
        ("Two Malian soldiers were killed.", [("killed", 2, "state forces")]),
        ("At least 12 people, including three soldiers, were killed.", [("killed", 12, None)]),
    ],
)
def test_counts(nlp, sentence, expected):
    doc = nlp(sentence)
    got = [(c.category, c.value, c.side) for c in counts_in(doc, doc[:])]
    assert got == expected
