"""Where partitions run: local processes (default) or a Dask distributed cluster.

An engine maps a function over partitions and yields results as they complete, keeping only
a bounded number of partitions in flight (memory stays flat on inputs of any size). This is
the one place besides the eval runner where newsbrief starts processes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from itertools import islice
from typing import Any, Protocol, TypeVar

from newsbrief.errors import UsageError
from newsbrief.limits import die_with_parent

T = TypeVar("T")
R = TypeVar("R")

# Partitions in flight per worker: one running, one queued so a worker never waits on us.
IN_FLIGHT_PER_WORKER = 2
# How long to wait for a Dask scheduler or for a LocalCluster's workers to come up.
DASK_CONNECT_TIMEOUT_S = 60


class Engine(Protocol):
    name: str
    workers: int

    def map_unordered(self, function: Callable[[T], R], items: Iterator[T]) -> Iterator[R]: ...

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc_info: object) -> None: ...


class LocalEngine:
    """``workers`` processes on this machine (all cores by default); 1 runs in-process.

    Workers never outlive the command: each dies with it (even on ``kill -9``, see
    :func:`~newsbrief.limits.die_with_parent`), and leaving the ``with`` block on an exception
    (Ctrl-C, SIGTERM, a write error) terminates them instead of waiting for their partitions.
    """

    name = "local"

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        if self.workers > 1:
            # spawn: workers start clean (no inherited threads or locks from the progress bar)
            self._pool = ProcessPoolExecutor(
                self.workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=die_with_parent,
                initargs=(os.getpid(),),
            )
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._pool is None:
            return
        if exc_info and exc_info[0] is not None:
            # interrupted or failed: the results of running partitions are not wanted any more
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.terminate()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None

    def map_unordered(self, function: Callable[[T], R], items: Iterator[T]) -> Iterator[R]:
        if self._pool is None:
            yield from map(function, items)
            return
        pending: set[Future[R]] = {self._pool.submit(function, item) for item in islice(items, self._limit)}
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield future.result()
            pending |= {self._pool.submit(function, item) for item in islice(items, len(finished))}

    @property
    def _limit(self) -> int:
        return self.workers * IN_FLIGHT_PER_WORKER


@dataclass(frozen=True, slots=True)
class DaskTLS:
    """Credentials for a secured Dask cluster (``--tls-ca``/``--tls-cert``/``--tls-key``): the CA
    that signed the cluster's certificates, and this client's certificate and key (one PEM may
    hold both)."""

    ca_file: str
    cert: str
    key: str | None = None


async def _stop_http(dask_scheduler: Any = None, dask_worker: Any = None) -> None:
    """Stop a Dask server's HTTP listener (dashboard, /health, /metrics): no port left open but
    the authenticated TLS ones."""
    server = dask_scheduler if dask_scheduler is not None else dask_worker
    server.http_server.stop()


class DaskEngine:
    """A Dask distributed cluster: an existing one at ``scheduler`` (``tls://host:port``, with
    ``tls`` credentials, or ``tcp://`` with the Dask configuration's), or a ``LocalCluster`` of
    ``workers`` single-threaded processes started (and closed) here.

    The local cluster is secured: TLS with credentials made for this run only
    (``Security.temporary()``, kept in memory), so no other local user or process can connect
    and run code as ours; and no HTTP server (dashboard, metrics) is left listening.
    """

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None, tls: DaskTLS | None = None) -> None:
        self.scheduler = scheduler
        self.workers = workers or os.cpu_count() or 1
        self.tls = tls
        self.address: str | None = None  # the scheduler connected to
        self._client: Any = None
        self._cluster: Any = None

    def __enter__(self) -> DaskEngine:
        try:
            import dask
            from distributed import Client, LocalCluster
            from distributed.security import Security
        except ImportError:
            raise UsageError("the Dask engine needs the 'scale' extra: pip install 'newsbrief[scale]'") from None
        try:
            if self.scheduler:
                security = None
                if self.tls is not None:
                    security = Security(
                        tls_ca_file=self.tls.ca_file,
                        tls_client_cert=self.tls.cert,
                        tls_client_key=self.tls.key,
                        require_encryption=True,
                    )
                self._client = Client(self.scheduler, timeout=DASK_CONNECT_TIMEOUT_S, security=security)
            else:
                security = Security.temporary()
                no_routes: dict[str, list[str]] = {
                    "distributed.scheduler.http.routes": [],
                    "distributed.worker.http.routes": [],
                }
                with dask.config.set(no_routes):
                    self._cluster = LocalCluster(
                        n_workers=self.workers,
                        threads_per_worker=1,  # briefs are CPU-bound Python: processes, not threads
                        processes=True,
                        host="127.0.0.1",
                        protocol="tls://",
                        security=security,
                        dashboard_address="127.0.0.1:0",  # never :8787; stopped below anyway
                    )
                self._client = Client(self._cluster, timeout=DASK_CONNECT_TIMEOUT_S, security=security)
                self._client.run_on_scheduler(_stop_http)
                self._client.run(_stop_http)
            self.address = self._client.scheduler.address
            self.workers = max(1, sum(self._client.nthreads().values()))
        except (OSError, ValueError) as exc:
            self.__exit__(None, None, None)
            raise UsageError(f"cannot reach the Dask scheduler {self.scheduler}: {exc}") from None
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def map_unordered(self, function: Callable[[T], R], items: Iterator[T]) -> Iterator[R]:
        from distributed import as_completed

        def submit(item: T) -> Any:
            return self._client.submit(function, item, pure=False)  # pure=False: never deduplicate

        futures = as_completed([submit(item) for item in islice(items, self.workers * IN_FLIGHT_PER_WORKER)])
        for future in futures:
            yield future.result()
            future.release()
            for item in islice(items, 1):
                futures.add(submit(item))


def make_engine(
    engine: str = "local", workers: int | None = None, scheduler: str | None = None, tls: DaskTLS | None = None
) -> Engine:
    """The engine a user asked for; ``scheduler`` implies Dask."""
    if scheduler or engine == "dask":
        return DaskEngine(scheduler, workers, tls)
    if engine == "local":
        return LocalEngine(workers)
    raise UsageError(f"unknown engine {engine!r} (choose local or dask)")
