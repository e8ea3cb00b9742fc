"""The actors' organisation: the ``parent`` forest, and who is whose relative, for the collaboration network.

Actors are numbered ``0 .. n - 1`` as in :mod:`actormap.analysis.components`.

>>> organisation = Organisation([-1, 0, 1, -1], [False, True, True, True])
>>> organisation.related(0, 2), organisation.related(1, 3), organisation.size[0], organisation.depth[2]
(True, False, 2, 1)
>>> without_loops([1, 0, 0])  # 0 and 1 are each other's parent: the walk from 0 cuts 0's link
[-1, 0, 0]
"""

from __future__ import annotations

__all__ = ["Organisation", "without_loops"]


class Organisation:
    """The actors' ``parent`` forest (a loop is cut where the walk finds it): who is whose relative.

    By actor node: ``parent``, ``children``, ``counts`` (1 for an actor that
    takes part in something, else 0), ``size`` (the counted actors among the
    actor and its descendants) with ``below`` (one of them, or -1), and
    ``depth`` (the counted ancestors) with ``above`` (the nearest, or -1).
    ``related(a, b)`` says whether one is the other's ancestor, in constant
    time (entry and exit times of a walk).
    """

    def __init__(self, parents: list[int], counted: list[bool]):
        count = len(parents)
        self.parent = without_loops(parents)
        self.counts = [int(flag) for flag in counted]
        self.children: list[list[int]] = [[] for _ in range(count)]
        for child, parent in enumerate(self.parent):
            if parent >= 0:
                self.children[parent].append(child)
        self.size = list(self.counts)
        self.below = [node if flag else -1 for node, flag in enumerate(self.counts)]
        self.depth, self.above = [0] * count, [-1] * count
        self.enter, self.leave = [0] * count, [0] * count
        clock = 0
        for root in range(count):
            if self.parent[root] >= 0:
                continue
            stack = [(root, False)]
            while stack:
                node, done = stack.pop()
                up = self.parent[node]
                if done:
                    self.leave[node] = clock
                    if up >= 0:
                        self.size[up] += self.size[node]
                        if self.below[up] < 0:
                            self.below[up] = self.below[node]
                    continue
                if up >= 0:
                    self.depth[node] = self.depth[up] + self.counts[up]
                    self.above[node] = up if self.counts[up] else self.above[up]
                self.enter[node], clock = clock, clock + 1
                stack.append((node, True))
                stack.extend((child, False) for child in self.children[node])

    def related(self, a: int, b: int) -> bool:
        """Whether ``a`` is ``b``'s ancestor or descendant (or ``b`` itself)."""
        enter, leave = self.enter, self.leave
        return enter[a] <= enter[b] < leave[a] or enter[b] <= enter[a] < leave[b]


def without_loops(parents: list[int]) -> list[int]:
    """The parents with each loop cut: the first actor a walk finds on a loop loses its parent."""
    parents = list(parents)
    state = [0] * len(parents)  # 0 unseen, 1 on the current walk, 2 done
    for start in range(len(parents)):
        path, node = [], start
        while node >= 0 and state[node] == 0:
            state[node] = 1
            path.append(node)
            node = parents[node]
        if node >= 0 and state[node] == 1:
            parents[node] = -1
        for visited in path:
            state[visited] = 2
    return parents
