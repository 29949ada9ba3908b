"""Rules the schema cannot say: the playbook's, where a doc lives, and characters nobody sees."""
