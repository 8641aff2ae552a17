from .costs import CostImport, FacilityCost
from .events import WarningRunEvent
from .items import FacilityResponse, WarningItem
from .run import RenderStatus, WarningRun
from .states import WarningRunState
from .thresholds import ThresholdSet

__all__ = [
    "CostImport",
    "FacilityCost",
    "FacilityResponse",
    "RenderStatus",
    "ThresholdSet",
    "WarningItem",
    "WarningRun",
    "WarningRunEvent",
    "WarningRunState",
]
