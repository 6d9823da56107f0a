// fixture: a source at the root of src/
int helper() { return 1; }
