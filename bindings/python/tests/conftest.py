"""Shared fixtures: the repository root (for data files) and the embedded Dongli plan."""
import pathlib

import pytest

import qgov

ROOT = pathlib.Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def dongli() -> qgov.plan:
    return qgov.plans.dongli_2024()


@pytest.fixture(scope="session")
def sample(dongli) -> qgov.observation_ledger:
    return qgov.sample_observations(dongli)
