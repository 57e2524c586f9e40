"""Document article → Brief: plan what to translate, translate once, check figures, assemble; the guard; the Briefer."""
