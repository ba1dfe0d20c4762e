using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using AssetAuction.Service.Journal;
using BenchmarkDotNet.Attributes;

namespace AssetAuction.Benchmarks;

/// <summary>The per-change costs every mutation pays: hashing its audit entry and checking owners' shares.</summary>
[MemoryDiagnoser]
public class DomainBenchmarks
{
    private readonly AuditRecord _entry = new()
    {
        Sequence = 123_456,
        Time = new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero),
        Subject = "case-management-hn",
        Role = "case_management",
        Office = "HN-KV1",
        Rpc = "/assetauction.v1.SeizureService/RegisterSeizure",
        Resource = "assets/019aaf2b6c7d7e8f9a0b1c2d3e4f5a6b",
        RequestId = "6f1c2b1e-5d0e-4d1e-9c55-0d5a3f0f8e11",
        AfterJson = new string('x', 2_000),
        PreviousHash = AuditHasher.GenesisHash,
    };

    private readonly (long, long)[] _shares = [(1, 3), (1, 6), (1, 6), (1, 9), (2, 9), (1, 27), (2, 27), (2, 54), (2, 54)];

    [Benchmark]
    public string HashAuditEntry() => AuditHasher.Compute(_entry);

    [Benchmark]
    public bool CheckOwnersShares() => Share.AddUpToWhole(_shares);
}
