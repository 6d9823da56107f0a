"""Pickling goes through the C++ archives: equal after a round trip, and a damaged pickle is a qgov error."""
import pickle

import pytest

import qgov


def test_plan_ledger_and_evaluation_round_trip(dongli, sample):
    e = qgov.evaluate(dongli, sample, "2025-12-31")
    for obj in (dongli, sample, e):
        back = pickle.loads(pickle.dumps(obj))
        assert back == obj
    again = pickle.loads(pickle.dumps(e))
    assert again.results().equals(e.results()) and again.plan == dongli


def test_pickle_state_is_the_versioned_text_archive(dongli):
    state = dongli.__getstate__()
    assert state.startswith(b"qgov-archive/1 plan text ")


def test_a_damaged_pickle_raises_a_qgov_error(dongli):
    state = bytearray(dongli.__getstate__())
    state[len(state) // 2] ^= 0x01
    blank = qgov.plan.__new__(qgov.plan)
    with pytest.raises(qgov.LoadError, match="<pickle>"):
        blank.__setstate__(bytes(state))
