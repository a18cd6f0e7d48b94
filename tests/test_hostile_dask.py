"""The Dask cluster `batch --engine dask` starts is not open to other local users or processes:
TLS with credentials made for the run, and no HTTP server (dashboard, metrics) listening."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.importorskip("distributed", reason="the Dask engine needs the 'scale' extra (distributed)")
pytest.importorskip("cryptography", reason="the secured Dask cluster needs the 'scale' extra (cryptography)")

from newsbrief.batch import make_engine
from newsbrief.cli import main

# Run in another process, as another local user would: connect without our credentials.
INTRUDER = """
import sys
from distributed import Client
from distributed.security import Security
address = sys.argv[1]
attempts = {
    "no credentials": lambda: Client(address, timeout=3),
    "plain tcp": lambda: Client(address.replace("tls://", "tcp://"), timeout=3),
    "credentials of its own": lambda: Client(address, timeout=3, security=Security.temporary()),
}
for name, connect in attempts.items():
    try:
        client = connect()
    except Exception as exc:
        print(f"refused {name}: {type(exc).__name__}")
    else:
        client.run(lambda: "ran code as the batch user")
        print(f"CONNECTED {name}")
"""


def listening_ports(pids: set[int]) -> set[int]:
    """TCP ports in LISTEN state whose sockets belong to ``pids`` (from /proc)."""
    inodes = set()
    for pid in pids:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                link = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:  # closed meanwhile
                continue
            if link.startswith("socket:["):
                inodes.add(link[8:-1])
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


def descendants(pid: int) -> set[int]:
    children = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            children |= {int(child)} | descendants(int(child))
    return children


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc (Linux)")
def test_local_dask_cluster_refuses_clients_without_credentials_and_serves_no_http():
    with make_engine("dask", workers=2) as engine:
        assert engine.address is not None and engine.address.startswith("tls://127.0.0.1:")
        intruder = subprocess.run(
            [sys.executable, "-c", INTRUDER, engine.address], capture_output=True, text=True, timeout=120
        )
        assert "CONNECTED" not in intruder.stdout, intruder.stdout
        assert intruder.stdout.count("refused") == 3, intruder.stdout + intruder.stderr
        info = engine._client.scheduler_info()
        expected = {urlsplit(engine.address).port}
        for address, worker in info["workers"].items():
            expected |= {urlsplit(address).port, urlsplit(worker["nanny"]).port}
        ours = listening_ports({os.getpid()} | descendants(os.getpid()))
        # only the TLS comm ports: no dashboard (:8787), no /metrics. Ports of this process tree
        # only: on a shared machine someone else's Dask may well be on :8787.
        assert ours == expected and 8787 not in ours


def test_tls_options_are_checked(tmp_path, capsys):
    corpus = tmp_path / "in.jsonl"
    corpus.write_text('{"id": "a", "documents": ["x"]}\n', encoding="utf-8")
    out = str(tmp_path / "out.jsonl")
    assert main(["batch", str(corpus), "-o", out, "--tls-ca", "ca.pem"]) == 2
    assert "none given" in capsys.readouterr().err
    assert main(["batch", str(corpus), "-o", out, "--scheduler", "tls://127.0.0.1:1", "--tls-ca", "ca.pem"]) == 2
    assert "needs both --tls-ca and --tls-cert" in capsys.readouterr().err


def test_batch_connects_to_a_secured_scheduler_with_tls_options(tmp_path):
    """An existing TLS-only cluster (as docs/scale.md sets up): `--scheduler tls://` with
    `--tls-ca/--tls-cert/--tls-key` runs the batch there."""
    from distributed import LocalCluster
    from distributed.security import Security

    from test_batch import results, write_benchmark

    security = Security.temporary()  # in-memory PEM texts: written out as a user's files would be
    files = {"ca": security.tls_ca_file, "cert": security.tls_client_cert, "key": security.tls_client_key}
    for name, pem in files.items():
        (tmp_path / f"{name}.pem").write_text(pem, encoding="utf-8")
    ids = write_benchmark(tmp_path / "in.jsonl", 3)
    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        protocol="tls://",
        security=security,
        dashboard_address=None,
    ) as cluster:
        command = [sys.executable, "-m", "newsbrief.cli", "batch", str(tmp_path / "in.jsonl")]
        command += ["-o", str(tmp_path / "out.jsonl"), "--scheduler", cluster.scheduler_address, "--no-progress"]
        for name in ("ca", "cert", "key"):
            command += [f"--tls-{name}", str(tmp_path / f"{name}.pem")]
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert sorted(results(tmp_path / "out.jsonl")) == ids
    assert "engine dask with 1 workers" in done.stderr
