"""Disjoint groups of ids (union-find): the clusters that aligned pairs connect."""

from __future__ import annotations


class Groups:
    """Ids joined into groups; :meth:`find` names a group by one of its ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: str, b: str) -> str:
        """Join the groups of ``a`` and ``b``; return the name of the joined group."""
        ra, rb = self.find(a), self.find(b)
        self.parent[ra] = rb
        return rb

    def members(self) -> list[str]:
        return list(self.parent)
