"""Event type and sub-event type from the incident's trigger classes, weapons, actors and toll.

The order of the rules is the codebook's precedence: how it was done (remote weapons) before
whom it hit (armed or civilian targets), violence before strategic developments.
"""

from __future__ import annotations

from dataclasses import dataclass

DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


@dataclass(slots=True)
class Facts:
    classes: set[str]
    weapons: set[str]
    suicide: bool
    actor1_inter: str | None
    actor2_inter: str | None
    killed: int
    killed_civilians: int
    killed_armed: int
    wounded: int
    kidnapped: int
    arrested: int
    state_force_against_protest: bool
    protest_violence: bool


def classify(x: Facts) -> tuple[str, str] | None:
    c = x.classes
    armed_target = (
        x.actor2_inter
        in ("State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces")
        or x.killed_armed > 0
    )
    violent = bool(
        c
        & {
            "attack",
            "clash",
            "capture",
            "retake",
            "airstrike",
            "shelling",
            "explosive",
            "suicide",
            "grenade",
            "chemical",
            "abduction",
            "sexual",
        }
    )
    remote = c & {"airstrike", "shelling", "explosive", "suicide", "grenade", "chemical", "abduction", "sexual"}
    if "arrest" in c and x.actor1_inter == "State forces" and not x.killed and not x.wounded and not remote:
        return "Strategic developments", "Arrests"  # "police raids arresting 17": arrests, not a battle
    if "disrupted" in c and not x.killed and not x.wounded and not c & {"attack", "clash", "suicide"}:
        return "Strategic developments", "Disrupted weapons use"  # a seized cache of rockets is no shelling
    if x.suicide or "suicide" in c:
        return "Explosions/Remote violence", "Suicide bomb"
    if "chemical" in c or "chemical agent" in x.weapons:
        return "Explosions/Remote violence", "Chemical weapon"
    if "airstrike" in c and (x.weapons & {"drone", "aircraft"} or "airstrike" in c):
        if not (c & {"shelling"}) or x.weapons & {"drone", "aircraft"}:
            return "Explosions/Remote violence", "Air/drone strike"
    if "shelling" in c or x.weapons & {"artillery", "mortar", "rocket", "missile"} and not c & {"protest", "riot"}:
        if "shelling" in c or not c & {"attack", "clash"}:
            return "Explosions/Remote violence", "Shelling/artillery/missile attack"
    if "grenade" in c and not c & {"explosive"}:
        return "Explosions/Remote violence", "Grenade"
    if "explosive" in c and not c & {"clash", "capture", "retake", "disrupted"}:
        if x.weapons & {"IED", "landmine", "vehicle-borne IED"} or "explosive" in c:
            return "Explosions/Remote violence", "Remote explosive/landmine/IED"
    if "retake" in c or "capture" in c and x.actor1_inter == "State forces":
        return "Battles", "Government regains territory"
    if "capture" in c:
        return "Battles", "Non-state actor overtakes territory"
    armed_means = c & {"abduction", "sexual", "explosive", "airstrike", "shelling", "capture", "retake", "grenade"}
    if (
        c & {"protest", "riot", "mob"}
        and not armed_means
        # police firing on a march is still about the march; an armed group's clash is not
        and not (c & {"clash", "explosive"} and x.actor1_inter not in ("Protesters", "Rioters", "State forces", None))
    ):
        if "mob" in c:
            return "Riots", "Mob violence"
        if x.state_force_against_protest and (x.killed > 0 or "small arms" in x.weapons):
            return "Protests", "Excessive force against protesters"
        if "riot" in c or x.protest_violence:
            return "Riots", "Violent demonstration"
        if x.state_force_against_protest or x.arrested > 0:
            return "Protests", "Protest with intervention"
        return "Protests", "Peaceful protest"
    if "sexual" in c:
        return "Violence against civilians", "Sexual violence"
    if "abduction" in c and (x.kidnapped > 0 or not c & {"attack", "clash"}) and x.killed == 0:
        return "Violence against civilians", "Abduction/forced disappearance"
    if c & {"clash"} or (c & {"attack"} and armed_target):
        return "Battles", "Armed clash"
    if "attack" in c or "abduction" in c:
        if x.actor2_inter in (None, "Civilians") or x.killed_civilians:
            return "Violence against civilians", "Attack" if "attack" in c else "Abduction/forced disappearance"
        return "Battles", "Armed clash"
    if violent:
        return "Battles", "Armed clash"
    if "agreement" in c:
        return "Strategic developments", "Agreement"
    if "disrupted" in c:
        return "Strategic developments", "Disrupted weapons use"
    if "base_established" in c:
        return "Strategic developments", "Headquarters or base established"
    if "looting" in c:
        return "Strategic developments", "Looting/property destruction"
    if "transfer" in c:
        return "Strategic developments", "Non-violent transfer of territory"
    if "arrest" in c:
        return "Strategic developments", "Arrests"
    if "change_group" in c:
        return "Strategic developments", "Change to group/activity"
    if "other_strategic" in c:
        return "Strategic developments", "Other"
    return None


EVENT_TYPES = list(DISORDER)
SUB_EVENT_TYPES = [
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Suicide bomb",
    "Grenade",
    "Chemical weapon",
    "Attack",
    "Abduction/forced disappearance",
    "Sexual violence",
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
    "Mob violence",
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
]


def interaction(inter1: str | None, inter2: str | None) -> str | None:
    if not inter1:
        return None
    return f"{inter1}-{inter2}" if inter2 else f"{inter1} only"
