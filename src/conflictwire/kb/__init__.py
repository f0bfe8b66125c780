"""Knowledge bases shared by every stage: the gazetteer, the countries and the actor base."""
