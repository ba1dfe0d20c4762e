using AssetAuction.Benchmarks;
using AssetAuction.Benchmarks.Compare;
using BenchmarkDotNet.Running;

// `load ...` drives a running service over gRPC; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "load")
{
    return await LoadGenerator.RunAsync(args[1..]);
}

// `statistics ...` times the working-year report over generated facts (a country, one office).
if (args.Length > 0 && args[0] == "statistics")
{
    return await StatisticsBenchmark.RunAsync(args[1..]);
}

// `streams ...` opens many event streams against a running service and reports its memory before, during and after.
if (args.Length > 0 && args[0] == "streams")
{
    return await StreamsProbe.RunAsync(args[1..]);
}

// `compare ...` starts a bare echo gRPC service and the real service and measures both with the same client (see README).
if (args.Length > 0 && args[0] == "compare")
{
    return await CompareBenchmark.RunAsync(args[1..]);
}

// `soak ...` drives a mixed load for minutes and reports whether the service's memory stays flat (see README).
if (args.Length > 0 && args[0] == "soak")
{
    return await SoakBenchmark.RunAsync(args[1..]);
}

// `echo-server --port N` is the echo baseline that `compare` starts as its own process.
if (args.Length > 0 && args[0] == "echo-server")
{
    return await EchoServer.RunAsync(args[1..]);
}

// `reads ...` drives GetAsset and ListAssets (and the liveness check as a reference) against a running service.
if (args.Length > 0 && args[0] == "reads")
{
    return await ReadLoad.RunAsync(args[1..]);
}

// `steps ...` postpones one asset with a long history again and again, for profiling a write as the history grows.
if (args.Length > 0 && args[0] == "steps")
{
    return await StepLoad.RunAsync(args[1..]);
}

// `import-statement ...` times a 100,000-line statement import as it was and as it is, with another office writing beside it.
if (args.Length > 0 && args[0] == "import-statement")
{
    return await StatementImportBenchmark.RunAsync(args[1..]);
}

// `import-assets ...` streams an office's generated backlog through ImportAssets with another office writing beside it, then resends it.
if (args.Length > 0 && args[0] == "import-assets")
{
    return await AssetImportBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(LoadGenerator).Assembly).Run(args);
return 0;
