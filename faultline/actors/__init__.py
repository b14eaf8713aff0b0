"""Faultline's actors stage: the actor dictionary, aliases, state forces and demonyms."""

from faultline.actors.demonyms import load_demonyms
from faultline.actors.dictionary import ActorDictionary, interaction
from faultline.actors.roles import (
    ARMED_GROUP_INTERS,
    CIVILIAN_INTER,
    UNNAMED_AIRCRAFT,
    Sides,
)

__all__ = ["ARMED_GROUP_INTERS", "CIVILIAN_INTER", "UNNAMED_AIRCRAFT", "ActorDictionary", "Sides", "interaction",
           "load_demonyms"]
