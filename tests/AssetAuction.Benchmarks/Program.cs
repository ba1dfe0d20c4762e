using AssetAuction.Benchmarks;
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

// `import-statement ...` times a 100,000-line statement import as it was and as it is, with another office writing beside it.
if (args.Length > 0 && args[0] == "import-statement")
{
    return await StatementImportBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(LoadGenerator).Assembly).Run(args);
return 0;
