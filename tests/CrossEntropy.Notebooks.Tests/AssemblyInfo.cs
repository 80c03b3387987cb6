// The runner sets the process's current directory to each notebook's folder, as the kernel does, and the
// display hook and formatters are process-wide: tests that execute notebooks must not run concurrently.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
