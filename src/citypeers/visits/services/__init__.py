"""Writing visits: making a visit from a plan or giving it one, keeping its tasks, publishing
its agenda."""
