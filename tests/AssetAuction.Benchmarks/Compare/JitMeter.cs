using System.Globalization;

namespace AssetAuction.Benchmarks.Compare;

/// <summary>
/// The service's runtime figures, read from its Prometheus endpoint (the runtime's own System.Runtime meter, exported
/// by the service's runtime instrumentation).
/// <para>
/// The seconds the JIT has spent compiling since start: a service that still compiles (tiered compilation moves hot
/// methods up through instrumented code to optimised code over thousands of calls) is measured at a fraction of its
/// speed: at 1 in flight its first few hundred writes took 40 ms each, most of it in the JIT, against 7 ms once warm.
/// </para>
/// <para>
/// The GC's heap after its last collection and the memory it has committed: beside the resident memory, they tell a
/// managed heap that grows from memory the runtime does not manage (SQLite's page caches, code, native buffers).
/// </para>
/// </summary>
public sealed class JitMeter(Uri metrics) : IDisposable
{
    private const string JitSeconds = "dotnet_jit_compilation_time_seconds_total";
    private const string HeapBytes = "dotnet_gc_last_collection_heap_size_bytes";
    private const string CommittedBytes = "dotnet_gc_last_collection_memory_committed_size_bytes";
    private readonly HttpClient _http = new();

    public async Task<double> SecondsAsync() =>
        (await SumAsync(JitSeconds)) ?? throw new InvalidOperationException($"The service's metrics at {metrics} have no {JitSeconds}.");

    /// <summary>The GC heap after the last collection (all generations) and the GC's committed memory, in MB; null when not exported yet.</summary>
    public async Task<(long? HeapMb, long? CommittedMb)> GcAsync()
    {
        var heap = await SumAsync(HeapBytes);
        var committed = await SumAsync(CommittedBytes);
        return (heap is { } h ? (long)(h / 1_048_576) : null, committed is { } c ? (long)(c / 1_048_576) : null);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The sum of every sample of <paramref name="name"/> (any labels), or null when there is none.</summary>
    private async Task<double?> SumAsync(string name)
    {
        var text = await _http.GetStringAsync(metrics);
        double? sum = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is '{' or ' ')
            {
                sum = (sum ?? 0) + double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }
}
