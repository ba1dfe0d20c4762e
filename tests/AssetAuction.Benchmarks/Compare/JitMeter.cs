using System.Globalization;

namespace AssetAuction.Benchmarks.Compare;

/// <summary>
/// The seconds the service's JIT has spent compiling since it started, read from its Prometheus endpoint (the
/// runtime's own System.Runtime meter, exported by the service's runtime instrumentation). A service that still
/// compiles (tiered compilation moves hot methods up through instrumented code to optimised code over thousands of
/// calls) is measured at a fraction of its speed: at 1 in flight its first few hundred writes took 40 ms each,
/// most of it in the JIT, against 7 ms once warm.
/// </summary>
public sealed class JitMeter(Uri metrics) : IDisposable
{
    private const string Counter = "dotnet_jit_compilation_time_seconds_total";
    private readonly HttpClient _http = new();

    public async Task<double> SecondsAsync()
    {
        var text = await _http.GetStringAsync(metrics);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(Counter, StringComparison.Ordinal))
            {
                return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"The service's metrics at {metrics} have no {Counter}.");
    }

    public void Dispose() => _http.Dispose();
}
