"""A weight or bias a person typed into the network diagram, on its way to the network."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ParameterEdit:
    """A weight ``W{layer}[index]`` (``kind == "W"``, index ``(i, j)``) or a bias
    ``b{layer}[index]`` (``kind == "b"``, index ``(j,)``) to be set to ``value``; layers count
    from 1 as in ``Z = X @ W + b``."""

    kind: str
    layer: int
    index: tuple[int, ...]
    value: float

    @property
    def name(self) -> str:
        return f"{self.kind}{self.layer}[{','.join(map(str, self.index))}]"
