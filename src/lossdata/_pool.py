"""The engine under ``lossdata.corpus``: run extraction tasks over worker processes and
give back their outcomes lazily, in input order, with a bounded number in flight."""

from __future__ import annotations

import collections
import concurrent.futures
import itertools
import multiprocessing
import signal
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from .extract import iter_claims

if TYPE_CHECKING:
    from .corpus import Outcome

__all__ = ["CHUNK_CHARS", "CHUNK_DOCS", "WINDOW", "CorpusError", "Task", "ordered_map"]

# A task sent to a worker holds documents up to CHUNK_CHARS characters of text (a
# fraction of a second's work), at most CHUNK_DOCS of them: a task costs a few
# milliseconds of overhead, so tiny documents travel many to a task.
CHUNK_CHARS = 64_000
CHUNK_DOCS = 256
WINDOW = 4  # tasks in flight per worker: keeps each busy, bounds the documents in memory


class CorpusError(ValueError):
    """A document of a corpus could not be extracted; the message names it and says why."""


class Task(Protocol):
    """Anything a worker can do: a ``Job``, an ``Outcome`` or a reader's file job."""

    @property
    def size(self) -> int: ...  # about how many characters of text it reads

    def run(self) -> Outcome: ...


def _run_chunk(chunk: list[Task]) -> list[Outcome]:
    return [task.run() for task in chunk]


def _worker_init() -> None:
    # Ctrl-C reaches the whole process group: the parent alone answers it, workers
    # stop when it shuts the pool down (and print no traceback of their own). SIGTERM
    # gets its default action back in case the parent had a handler when it forked.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _chunks(tasks: Iterable[Task]) -> Iterator[list[Task]]:
    """Consecutive tasks, grouped up to ``CHUNK_CHARS`` characters or ``CHUNK_DOCS`` tasks."""
    chunk: list[Task] = []
    size = 0
    for task in tasks:
        chunk.append(task)
        size += task.size
        if size >= CHUNK_CHARS or len(chunk) >= CHUNK_DOCS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def ordered_map(tasks: Iterable[Task], *, jobs: int = 1) -> Iterator[Outcome]:
    """``task.run()`` for every task, in input order, lazily.

    With ``jobs > 1`` and more than one task, the tasks go to a pool of ``jobs``
    processes, a chunk of them at a time (see ``CHUNK_CHARS``), with at most
    ``WINDOW`` chunks per worker in flight: the input is read only as fast as the
    results are taken, and results come out in input order. With ``jobs=1`` everything
    runs in this process.
    """
    it = iter(tasks)
    head = list(itertools.islice(it, 2))
    if jobs <= 1 or len(head) < 2:  # no pool for a single document
        for task in itertools.chain(head, it):
            yield task.run()
        return
    chunks = _chunks(itertools.chain(head, it))
    context = multiprocessing.get_context()
    if context.get_start_method() == "fork":
        # Load the lexicons and compile the grammar (seconds) once, here: the forked
        # workers share them instead of each building its own.
        for _ in iter_claims("The ministry said 2 soldiers were killed.", doc_id="warm-up"):
            pass
    pool = concurrent.futures.ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_worker_init
    )
    pending: collections.deque[concurrent.futures.Future[list[Outcome]]] = collections.deque()
    finished = False
    try:
        for chunk in itertools.islice(chunks, jobs * WINDOW):
            pending.append(pool.submit(_run_chunk, chunk))
        while pending:
            try:
                done = pending.popleft().result()
            except concurrent.futures.process.BrokenProcessPool:
                raise CorpusError(
                    "a worker process died (killed, or out of memory); "
                    "run with fewer jobs, or one, to find the document"
                ) from None
            chunk = next(chunks, None)
            if chunk is not None:  # keep the workers busy while the caller works
                pending.append(pool.submit(_run_chunk, chunk))
            yield from done
        finished = True
    finally:
        if not finished:  # Ctrl-C, an error, or the caller stopped: no result is wanted
            _stop(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _stop(pool: concurrent.futures.ProcessPoolExecutor) -> None:
    """End the workers now rather than after the documents they are on."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()
