"""Concept coverage by integer programming (Gillick & Favre 2009; ICSISumm at TAC 2008/2009).

A summary is worth the total weight of the *concepts* it contains, each counted once:
concepts are word bigrams (Porter-stemmed; a bigram of two stop words is none) weighted by
the number of documents that use them, so what many sources say is worth much and saying it
twice is worth nothing more. The best set of units (whole quotations,
:mod:`~newsbrief.summarizers.units`) within the word budget is found exactly by the
HiGHS (``highspy``)::

    maximise   sum_j w_j c_j + salience_weight * sum_u s_u x_u
    subject to sum_u words_u x_u <= budget
               c_j <= sum_{u contains j} x_u          (a concept counts only if a chosen unit has it)
               x_u, c_j in {0, 1}

``s_u`` is the learned salience (:mod:`newsbrief.summarizers.default`'s linear scorer),
scaled to [0, 1] and multiplied by the unit's share of the budget; ``salience_weight = 0`` is
the pure ICSI objective (registered as ``concepts``), the fitted weight is ``concepts-salience``.

Cost is bounded for large stories: only the :data:`POOL_UNITS` units with the most concept
weight (ties: salience) and the :data:`POOL_CONCEPTS` heaviest concepts enter the program, so
the solver sees a fixed-size problem and the rest is linear in the text plus one sort.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

import numpy as np
from scipy import sparse

from newsbrief.model import SentenceScore
from newsbrief.segment import dateline_end
from newsbrief.summarizers import register
from newsbrief.summarizers.base import Budget, Summarizer, is_candidate, ranked_scores
from newsbrief.summarizers.default import LinearScorer, needs_predecessor, shipped_scorer
from newsbrief.summarizers.features import sentence_features
from newsbrief.summarizers.units import Units, selectable_units
from newsbrief.textsim import STOPWORDS, Cluster, words

# A concept must be used by at least this share of the documents (and by two of them): ICSISumm kept
# bigrams in 3 of 10 documents. On the tuning sample (40 Multi-News + 12 DUC 2006 clusters drawn with
# seed 7) ROUGE-2 on DUC was 10.30 / 10.85 / 10.73 at 0.05 / 0.1 / 0.2; Multi-News (2-3 documents, so the
# floor of 2 binds) did not move.
MIN_DOCUMENT_SHARE = 0.1
# Problem size bounds (units, concepts) for the solver; Multi-News clusters have ~75 candidate
# sentences and DUC 2006 clusters ~600, so the unit pool binds only on large stories.
POOL_UNITS = 250
POOL_CONCEPTS = 600
# Branch and bound stops after this many nodes with the best summary found: a deterministic guard
# against a pathological problem (the same limit gives the same summary at any load), not a tuning knob.
# Far above real solves: on all 50 DUC 2006 clusters and all 250 Multi-News validation ones at 250 words
# every branch and bound (40 and 94 solves) closed at the root node, 1 node (``python
# bench/bench_solver.py ../devdata/duc2006 --gaps 0.01`` prints the most nodes); low enough that the node
# limit, not the wall clock, ends a pathological solve.
MIP_MAX_NODES = 1000
# Wall-clock backstop only, far above any real solve (the slowest DUC 2006 one ~1 s at load 2, same
# command); the node limit binds first, so scores do not depend on the machine's load (a 2 s wall-clock
# limit used to move DUC 2006 R2 by up to 0.3 between runs under load).
TIME_LIMIT_SECONDS = 60.0
# Relative optimality gap at which the solver stops: proving the last fraction of a percent costs solve
# time; on the tuning sample 1e-4 / 0.01 gave ROUGE-2 19.00 / 18.92 (Multi-News) and 10.84 / 10.95 (DUC).
MIP_GAP = 0.01
# The greedy summary is kept without branch and bound when it is within this share of the LP
# relaxation's bound (so within it of the optimum); the MIP runs otherwise. See GREEDY_GAP's measurements
# in docs/evaluation.md ("Speed").
GREEDY_GAP = MIP_GAP
# Primal heuristics of HiGHS's MIP switched off: every problem closes at the root node, where these
# spent a third of the solve on problems that presolve shrinks to a few dozen columns. On the first
# 100 Multi-News validation clusters (34 MIPs, same objectives) 35 -> 27 ms a MIP; full sets, default
# summarizer, R2 at 250 words: Multi-News 16.52 -> 16.53, DUC 2006 10.02 -> 10.01.
MIP_HEURISTICS_OFF = (
    "mip_heuristic_run_feasibility_jump",
    "mip_heuristic_run_rins",
    "mip_heuristic_run_rens",
)
# Two units at or above this TF-IDF cosine say the same: never both (concept coverage already gives a
# repeat no value, but the salience term would still pay for it). Set to exclude near-repeats only, since
# coverage already discourages overlap; not tuned.
REPEAT_SIMILARITY = 0.5
# Every unit is worth this much per budget share on top, so that budget left over once no unit adds
# concept weight is still filled (a single short article may share no bigram between sentences).
FILL_VALUE = 1e-3
# The weight of the learned salience against concept coverage. On the tuning sample 0.5 / 1 / 2 gave
# ROUGE-2 18.47 / 18.47 / 18.16 (Multi-News) and 10.98 / 10.85 / 10.69 (DUC): flat up to 1.
SALIENCE_WEIGHT = 1.0


def _bigrams(tokens: list[str], stems: list[str]) -> set[tuple[str, str]]:
    return {
        pair
        for (a, b), pair in zip(pairwise(tokens), pairwise(stems), strict=True)
        if not (a in STOPWORDS and b in STOPWORDS) and len(a) + len(b) > 2
    }


Concept = tuple[str, str]


def concept_weights(cluster: Cluster, rows: list[int]) -> tuple[list[set[Concept]], dict[Concept, float]]:
    """Bigrams of each row and the weight of every kept concept: the number of documents using it
    (sentences, for a single document), kept from ``max(2, MIN_DOCUMENT_SHARE * documents)`` up."""
    grams = []
    for row in rows:
        # a wire dateline is not shown (units.shown_text): its bigrams ("(washington, ap)", in every
        # wire document of a story) are no content the summary would carry
        text = cluster.sentences[row].text
        shown_from = len(words(text[: dateline_end(text)]))
        grams.append(_bigrams(cluster.tokens[row][shown_from:], cluster.stems[row][shown_from:]))
    n_docs = len(cluster.articles)
    counted = grams  # each sentence's bigrams count once, or each document's for several documents
    if n_docs > 1:
        per_document: dict[int, set[tuple[str, str]]] = {}
        for row, row_grams in zip(rows, grams, strict=True):
            per_document.setdefault(cluster.sentences[row].doc_id, set()).update(row_grams)
        counted = list(per_document.values())
    counts = Counter(gram for group in counted for gram in group)
    floor = max(2, math.ceil(MIN_DOCUMENT_SHARE * n_docs))
    return grams, {gram: float(count) for gram, count in counts.items() if count >= floor}


def learned_salience(cluster: Cluster, rows: list[int], scorer: LinearScorer) -> np.ndarray:
    """The learned salience of each row, min-max scaled to [0, 1]."""
    salience = scorer.score(sentence_features(cluster, rows))
    span = float(salience.max() - salience.min()) if len(salience) else 0.0
    return (salience - salience.min()) / span if span > 0 else np.zeros(len(rows))


def solve_coverage(
    unit_concepts: list[set[int]],
    concept_value: np.ndarray,
    unit_value: np.ndarray,
    unit_words: np.ndarray,
    unit_sentences: np.ndarray,
    budget: Budget,
    requires: Sequence[tuple[int, int]] = (),
    excludes: Sequence[tuple[int, int]] = (),
) -> list[int]:
    """The units of the best summary: maximise concept value covered + unit value within the budget;
    ``(u, v)`` in ``requires``: unit ``u`` only together with unit ``v``; in ``excludes``: not both."""
    n_units, n_concepts = len(unit_concepts), len(concept_value)
    n_columns = n_units + n_concepts
    cost = -np.concatenate([unit_value, concept_value])  # HiGHS minimises
    blocks: list[sparse.csr_matrix] = []
    upper: list[np.ndarray] = []  # every row is "<= upper"
    if budget.sentences is not None:
        blocks.append(sparse.csr_matrix(np.concatenate([unit_sentences, np.zeros(n_concepts)])[None, :]))
        upper.append(np.array([float(budget.sentences)]))
    elif budget.words is not None:
        blocks.append(sparse.csr_matrix(np.concatenate([unit_words, np.zeros(n_concepts)])[None, :]))
        upper.append(np.array([float(budget.words)]))
    if n_concepts:  # c_j - sum_{u contains j} x_u <= 0
        blocks.append(_linking_rows(unit_concepts, n_concepts))
        upper.append(np.zeros(n_concepts))
    if requires:  # x_u - x_v <= 0
        pair_rows = [k for k in range(len(requires)) for _ in (0, 1)]
        pair_cols = [i for pair in requires for i in pair]
        shape = (len(requires), n_columns)
        blocks.append(sparse.csr_matrix(([1.0, -1.0] * len(requires), (pair_rows, pair_cols)), shape=shape))
        upper.append(np.zeros(len(requires)))
    if excludes:  # x_u + x_v <= 1
        pair_rows = [k for k in range(len(excludes)) for _ in (0, 1)]
        pair_cols = [i for pair in excludes for i in pair]
        shape = (len(excludes), n_columns)
        blocks.append(sparse.csr_matrix(([1.0] * len(pair_cols), (pair_rows, pair_cols)), shape=shape))
        upper.append(np.ones(len(excludes)))
    program = _Program(cost, sparse.vstack(blocks, format="csr") if blocks else None, upper)
    # Most problems need no branch and bound: the greedy summary is already within the gap of the LP
    # relaxation's bound (a cheap simplex solve), so it is as good as what the MIP would return.
    if budget.sentences is not None:
        unit_cost, limit = unit_sentences, float(budget.sentences)
    elif budget.words is not None:
        unit_cost, limit = unit_words, float(budget.words)
    else:
        unit_cost, limit = np.zeros(n_units), np.inf
    problem = (unit_concepts, concept_value, unit_value, unit_cost, limit, requires, excludes)
    relaxed, relaxed_objective = program.solve(integral_columns=0)
    # Two cheap candidates: the greedy summary, and the LP's nearly whole units completed greedily.
    candidates = [_greedy_coverage(*problem)]
    if relaxed is not None:
        rounded = [u for u in range(n_units) if relaxed[u] > 1 - 1e-6]
        if _feasible(rounded, *problem[3:]):
            candidates.append(_greedy_coverage(*problem, start=tuple(rounded)))
    greedy = max(candidates, key=lambda units: _coverage_value(units, unit_concepts, concept_value, unit_value))
    if relaxed is not None:
        bound = -relaxed_objective
        greedy_value = _coverage_value(greedy, unit_concepts, concept_value, unit_value)
        if greedy_value >= (1 - GREEDY_GAP) * bound - 1e-9:
            return greedy
        program.fix_by_reduced_cost(relaxed, relaxed_objective, -greedy_value, n_units)
    # Only the units need be integral: with every x_u in {0, 1}, maximising makes each c_j
    # min(1, sum x_u), already 0 or 1; a continuous c_j gives the same optimum with far fewer
    # integer variables for branch and bound.
    solution, _ = program.solve(integral_columns=n_units)
    if solution is None:
        return greedy or []
    return [u for u in range(n_units) if solution[u] > 0.5]


def _linking_rows(unit_concepts: list[set[int]], n_concepts: int) -> sparse.csr_matrix:
    """Row ``j``: ``-1`` at every unit holding concept ``j``, ``+1`` at concept ``j``'s own column; built
    straight in canonical CSR order (columns ascending in each row), as HiGHS has always received it."""
    n_units = len(unit_concepts)
    concept = np.fromiter((j for concepts in unit_concepts for j in concepts), dtype=np.int64)
    unit = np.repeat(np.arange(n_units), [len(concepts) for concepts in unit_concepts])
    rows = np.concatenate([concept, np.arange(n_concepts)])
    columns = np.concatenate([unit, n_units + np.arange(n_concepts)])
    values = np.concatenate([np.full(len(concept), -1.0), np.ones(n_concepts)])
    order = np.lexsort((columns, rows))
    indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=n_concepts))])
    shape = (n_concepts, n_units + n_concepts)
    return sparse.csr_matrix((values[order], columns[order], indptr), shape=shape)


class _Program:
    """``minimise cost @ x subject to rows @ x <= upper, 0 <= x <= 1``, solved by HiGHS through
    ``highspy`` (scipy's ``milp`` is the same solver behind ~0.2 s of imports on every cold brief)."""

    def __init__(self, cost: np.ndarray, rows: sparse.csr_matrix | None, upper: list[np.ndarray]) -> None:
        self.cost = cost
        self.rows = rows
        self.upper = np.concatenate(upper) if upper else np.zeros(0)
        self.column_lower = np.zeros(len(cost))  # bounds of the columns, 0 <= x <= 1 until fixed
        self.column_upper = np.ones(len(cost))
        self.reduced_cost: np.ndarray | None = None  # of the last solve, when HiGHS gave duals
        self.nodes = 0  # branch-and-bound nodes of the last solve (bench_solver.py reports the most)

    def fix_by_reduced_cost(
        self, relaxed: np.ndarray, relaxed_objective: float, incumbent_objective: float, n_fixable: int
    ) -> None:
        """Reduced-cost fixing (exact): a unit at 0 in the LP relaxation whose reduced cost says that
        taking it would push the LP bound past an incumbent's objective cannot be in any better
        solution, so it is fixed at 0 (at 1, likewise, for a unit the LP takes whole). The incumbent
        stays feasible, so the optimum is unchanged; HiGHS then starts from a smaller model."""
        if self.reduced_cost is None:
            return
        reduced = self.reduced_cost[:n_fixable]
        out = (relaxed[:n_fixable] < 1e-6) & (relaxed_objective + reduced > incumbent_objective + 1e-9)
        whole = (relaxed[:n_fixable] > 1 - 1e-6) & (relaxed_objective - reduced > incumbent_objective + 1e-9)
        self.column_upper[:n_fixable][out] = 0.0
        self.column_lower[:n_fixable][whole] = 1.0

    def solve(self, integral_columns: int) -> tuple[np.ndarray | None, float]:
        """The solution and its objective, the first ``integral_columns`` columns integral (0: the
        LP relaxation); ``None`` when the solver found no feasible point within its limits."""
        import highspy  # imported on first solve: briefs that never solve do not load it

        n_columns = len(self.cost)
        lp = highspy.HighsLp()
        lp.num_col_ = n_columns
        lp.col_cost_ = self.cost
        lp.col_lower_ = self.column_lower
        lp.col_upper_ = self.column_upper
        if self.rows is not None:
            lp.num_row_ = self.rows.shape[0]
            lp.row_lower_ = np.full(self.rows.shape[0], -highspy.kHighsInf)
            lp.row_upper_ = self.upper
            lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
            lp.a_matrix_.num_col_ = n_columns
            lp.a_matrix_.num_row_ = self.rows.shape[0]
            lp.a_matrix_.start_ = self.rows.indptr
            lp.a_matrix_.index_ = self.rows.indices
            lp.a_matrix_.value_ = self.rows.data
        if integral_columns:
            integer, continuous = highspy.HighsVarType.kInteger, highspy.HighsVarType.kContinuous
            lp.integrality_ = [integer] * integral_columns + [continuous] * (n_columns - integral_columns)
        solver = highspy.Highs()
        solver.setOptionValue("output_flag", False)
        solver.setOptionValue("time_limit", TIME_LIMIT_SECONDS)
        solver.setOptionValue("mip_max_nodes", MIP_MAX_NODES)
        solver.setOptionValue("mip_rel_gap", MIP_GAP)
        for heuristic in MIP_HEURISTICS_OFF:
            solver.setOptionValue(heuristic, False)
        solver.passModel(lp)
        solver.run()
        info = solver.getInfo()
        self.nodes = max(0, int(info.mip_node_count))
        if info.primal_solution_status != highspy.SolutionStatus.kSolutionStatusFeasible:
            return None, math.nan
        solution = solver.getSolution()
        self.reduced_cost = np.asarray(solution.col_dual) if solution.dual_valid else None
        return np.asarray(solution.col_value), float(info.objective_function_value)


def _coverage_value(
    units: list[int], unit_concepts: list[set[int]], concept_value: np.ndarray, unit_value: np.ndarray
) -> float:
    covered = set().union(*(unit_concepts[u] for u in units)) if units else set()
    return float(sum(concept_value[j] for j in covered) + sum(unit_value[u] for u in units))


def _feasible(
    units: list[int],
    unit_cost: np.ndarray,
    limit: float,
    requires: Sequence[tuple[int, int]],
    excludes: Sequence[tuple[int, int]],
) -> bool:
    chosen = set(units)
    return (
        float(sum(unit_cost[u] for u in units)) <= limit
        and all(v in chosen for u, v in requires if u in chosen)
        and not any(a in chosen and b in chosen for a, b in excludes)
    )


def _greedy_coverage(
    unit_concepts: list[set[int]],
    concept_value: np.ndarray,
    unit_value: np.ndarray,
    unit_cost: np.ndarray,
    limit: float,
    requires: Sequence[tuple[int, int]],
    excludes: Sequence[tuple[int, int]],
    start: tuple[int, ...] = (),
) -> list[int]:
    """Cost-scaled greedy for budgeted coverage (Khuller et al. 1999): repeatedly add the move (a
    unit, with the unit it requires) of best gain per cost that fits and breaks no pair rule.

    Vectorised over units: the gains of every move are one product of the unit x concept incidence
    matrix with the values of the concepts not yet covered."""
    n_units = len(unit_concepts)
    incidence = _incidence(unit_concepts, len(concept_value))
    required = dict(requires)
    # The move of unit u: u and, while it is not chosen, the unit it requires (the partner); -1: none.
    partner = np.full(n_units, -1)
    for u, v in required.items():
        partner[u] = v
    blocked = np.zeros(n_units, dtype=bool)  # excluded by a chosen unit
    excluded: dict[int, list[int]] = {}
    for a, b in excludes:
        excluded.setdefault(a, []).append(b)
        excluded.setdefault(b, []).append(a)
    # A move whose two units exclude each other, or whose partner needs a third unit, is never valid
    # until that third unit is chosen: checked per move below (there are few).
    chosen = np.zeros(n_units, dtype=bool)
    uncovered = np.ones(len(concept_value), dtype=bool)
    spent = 0.0

    def take(units: list[int]) -> None:
        nonlocal spent
        for w in units:
            chosen[w] = True
            spent += float(unit_cost[w])
            uncovered[incidence[w] > 0] = False
            for other in excluded.get(w, ()):
                blocked[other] = True

    take(list(start))
    paired = np.flatnonzero(partner >= 0)
    while True:
        open_value = np.where(uncovered, concept_value, 0.0)
        gain = incidence @ open_value + unit_value
        cost = unit_cost.astype(float).copy()
        valid = ~chosen & ~blocked
        for u in paired.tolist():
            v = int(partner[u])
            if chosen[v] or not valid[u]:
                continue
            needs = required.get(v)
            if blocked[v] or v in excluded.get(u, ()) or (needs is not None and not chosen[needs] and needs != u):
                valid[u] = False
                continue
            gain[u] = np.maximum(incidence[u], incidence[v]) @ open_value + unit_value[u] + unit_value[v]
            cost[u] += float(unit_cost[v])
        valid &= (spent + cost <= limit) & (gain > 0)
        if not valid.any():
            return sorted(int(u) for u in np.flatnonzero(chosen))
        ratio = np.where(valid, gain / np.maximum(cost, 1e-9), -np.inf)
        best = int(np.argmax(ratio))
        v = int(partner[best])
        take([best] if v < 0 or chosen[v] else [best, v])


def _incidence(unit_concepts: list[set[int]], n_concepts: int) -> np.ndarray:
    """Dense 0/1 matrix (units x concepts): a pool problem is at most POOL_UNITS x POOL_CONCEPTS."""
    matrix = np.zeros((len(unit_concepts), n_concepts))
    for u, concepts in enumerate(unit_concepts):
        matrix[u, list(concepts)] = 1.0
    return matrix


@register("concepts")
class ConceptSummarizer(Summarizer):
    """ICSISumm's objective: document-frequency-weighted bigram coverage, solved exactly."""

    salience_weight: float = 0.0

    def __init__(self, scorer: LinearScorer | None = None, salience_weight: float | None = None) -> None:
        self.scorer = scorer  # None: the shipped weights, read when first needed
        if salience_weight is not None:
            self.salience_weight = salience_weight

    def summarize(self, cluster: Cluster, budget: Budget) -> list[SentenceScore]:
        rows = [cluster.row(s) for s in cluster.sentences if is_candidate(s.text, s.is_heading)]
        if not rows:
            return []
        grams, weights = concept_weights(cluster, rows)
        row_value = np.array([sum(weights.get(g, 0.0) for g in row_grams) for row_grams in grams])
        salience = (
            learned_salience(cluster, rows, self.scorer or shipped_scorer())
            if self.salience_weight
            else np.zeros(len(rows))
        )
        units = selectable_units(cluster, rows)
        position = {row: i for i, row in enumerate(rows)}
        chosen = self._choose(cluster, units, position, grams, weights, row_value, salience, budget)
        score = row_value / (row_value.max() or 1.0) + self.salience_weight * salience
        order = np.lexsort((np.arange(len(rows)), -score))
        return ranked_scores(cluster, rows, score, order, chosen, {"concepts": row_value, "salience": salience})

    def _choose(
        self,
        cluster: Cluster,
        units: Units,
        position: dict[int, int],
        grams: list[set[tuple[str, str]]],
        weights: dict[tuple[str, str], float],
        row_value: np.ndarray,
        salience: np.ndarray,
        budget: Budget,
    ) -> set[int]:
        if not units.members:
            return set()
        members = [[position[row] for row in unit] for unit in units.members]
        words_of = np.array([units.words(u, cluster) for u in range(len(members))], dtype=float)
        limit = budget.words or int(words_of.sum())
        share = np.minimum(words_of, limit) / max(1, limit)
        unit_salience = np.array([salience[m].mean() for m in members]) * share
        unit_weight = np.array([row_value[m].sum() for m in members])
        fits = words_of <= limit if budget.words is not None else np.ones(len(members), dtype=bool)
        pool = [u for u in np.lexsort((-unit_salience, -unit_weight)) if fits[u]][:POOL_UNITS]
        # A short sentence leaning on the one before ("But it is not looking too hopeful.") comes with
        # that sentence's unit or not at all; no chains (as the salience summarizer's rule).
        slot = {u: k for k, u in enumerate(pool)}
        requires: list[tuple[int, int]] = []
        for u in list(pool):
            first = units.members[u][0]
            if not needs_predecessor(cluster.sentences[first].text):
                continue
            before = units.of_row.get(first - 1) if cluster.sentences[first].index else None
            if before is None or needs_predecessor(cluster.sentences[units.members[before][0]].text):
                pool.remove(u)
                continue
            if before not in slot:
                pool.append(before)
            requires.append((u, before))
        slot = {u: k for k, u in enumerate(pool)}
        requires = [(slot[u], slot[v]) for u, v in requires if u in slot]
        if not pool:
            return set()
        pool_grams = [set().union(*(grams[i] for i in members[u])) & weights.keys() for u in pool]
        ranked = sorted(set().union(*pool_grams), key=lambda g: (-weights[g], g))[:POOL_CONCEPTS]
        index = {gram: j for j, gram in enumerate(ranked)}
        top = max((weights[g] for g in ranked), default=1.0)
        selected = solve_coverage(
            [{index[g] for g in unit_grams if g in index} for unit_grams in pool_grams],
            np.array([weights[g] / top for g in ranked]),
            self.salience_weight * unit_salience[pool] + FILL_VALUE * share[pool],
            words_of[pool],
            np.array([len(members[u]) for u in pool], dtype=float),
            budget,
            requires,
            self._repeats(cluster, [units.members[u] for u in pool]),
        )
        return {row for k in selected for row in units.members[pool[k]]}

    @staticmethod
    def _repeats(cluster: Cluster, pool_members: list[tuple[int, ...]]) -> list[tuple[int, int]]:
        """Pairs of pool units that say the same (TF-IDF cosine at or above REPEAT_SIMILARITY)."""
        first_rows = [unit[0] for unit in pool_members]
        similarity = cluster.similarity(first_rows)
        close = np.argwhere(np.triu(similarity, k=1) >= REPEAT_SIMILARITY)
        return [(int(a), int(b)) for a, b in close]


@register("concepts-salience")
class SalientConceptSummarizer(ConceptSummarizer):
    """Concept coverage plus the learned salience of each chosen unit, weighted by its length."""

    salience_weight = SALIENCE_WEIGHT


@register("default")
class DefaultSummarizer(SalientConceptSummarizer):
    """The default: concept coverage with the learned salience, the candidate that beat every peer on
    both development sets (Multi-News validation and DUC 2006), by 0.8-2.1 ROUGE-2 (wave 10; short of
    the issue's +2.0 on Multi-News and on DUC 2006 at 100 words; the tables in docs/evaluation.md)."""
