"""OSP (OASys Sexual reoffending Predictor): probation's instrument, imported as a score and band.

somdesk does not compute OSP; it records the score probation supplies and checks its band against
the published thresholds (DOMAIN.md §2, sourced).
"""

from __future__ import annotations

from somdesk.domain.bands import BandTable
from somdesk.domain.model import RiskLevel

__all__ = ["OSP_BANDS", "OSP_MAX", "osp_band"]

OSP_MAX = 64
OSP_BANDS: BandTable[RiskLevel] = BandTable.of(
    [(21, RiskLevel.LOW), (29, RiskLevel.MEDIUM), (35, RiskLevel.HIGH), (None, RiskLevel.VERY_HIGH)], floor=0
)


def osp_band(score: int) -> RiskLevel:
    """The OSP band for a score from 0 to 64: Low 0-21, Medium 22-29, High 30-35, Very High 36-64."""
    if not 0 <= score <= OSP_MAX:
        raise ValueError(f"an OSP score runs from 0 to {OSP_MAX}, got {score}")
    return OSP_BANDS.lookup(score)
