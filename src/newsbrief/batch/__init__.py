"""Corpus batch runs: brief every story of a benchmark or clustered file, locally or on Dask."""

from newsbrief.batch.engines import DaskEngine, LocalEngine, make_engine
from newsbrief.batch.runner import BatchReport, run_batch

__all__ = ["BatchReport", "DaskEngine", "LocalEngine", "make_engine", "run_batch"]
