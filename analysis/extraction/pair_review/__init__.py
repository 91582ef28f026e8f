"""The pair review: a learned second look at which pairs of actors a document's output links."""
