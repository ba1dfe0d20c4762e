using System.Security.Cryptography;
using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Audit;
using AssetAuction.Service.Data;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.IntegrationTests.Hostile;

/// <summary>Signed checkpoints catch what the chain alone cannot: entries and head rewritten together.</summary>
public sealed class AuditCheckpointTests : IDisposable
{
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private readonly ServiceFactory _service = new(
        Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db"),
        settings: new Dictionary<string, string> { ["Audit:CheckpointKey"] = Key.ExportECPrivateKeyPem() });

    public void Dispose() => _service.Dispose();

    private Dictionary<string, string> ProcessSettings => new()
    {
        ["Database__Provider"] = "Sqlite",
        ["Database__ConnectionString"] = $"Data Source={_service.DatabasePath}",
        // The verifier needs only the public key.
        ["Audit__CheckpointPublicKey"] = Key.ExportSubjectPublicKeyInfoPem(),
    };

    [Fact]
    public async Task A_rewrite_of_entries_and_head_together_passes_the_chain_but_fails_the_signed_checkpoint()
    {
        await Tamper.SeizeAndReleaseAsync(_service, 2);
        var checkpoint = await _service.Audit().ExportAuditCheckpointAsync(new ExportAuditCheckpointRequest());
        Assert.Equal(4, checkpoint.Sequence);
        var file = Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.checkpoint.json");
        await File.WriteAllTextAsync(file, checkpoint.Document);
        await Tamper.SeizeAndReleaseAsync(_service, 1);

        var before = await ServiceProcess.RunAsync(ProcessSettings, "verify-audit", "--checkpoint", file);
        Assert.True(before.ExitCode == 0, before.Output);

        // Rewrite entry 2, then rehash every later entry and the head: the chain alone still verifies.
        await _service.WithDbAsync(async db =>
        {
            var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
            entries[1].AfterJson = entries[1].AfterJson.Replace("paid", "forgiven", StringComparison.Ordinal) + " ";
            for (var i = 1; i < entries.Count; i++)
            {
                entries[i].PreviousHash = entries[i - 1].Hash;
                entries[i].Hash = AuditHasher.Compute(entries[i]);
            }

            var head = await db.JournalHeads.SingleAsync();
            head.LastAuditHash = entries[^1].Hash;
            return await db.SaveChangesAsync();
        });
        Assert.True((await _service.Audit().VerifyAuditChainAsync(new VerifyAuditChainRequest())).Intact);

        var after = await ServiceProcess.RunAsync(ProcessSettings, "verify-audit", "--checkpoint", file);

        Assert.Equal(1, after.ExitCode);
        Assert.Contains("was rewritten", after.Output, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public async Task An_altered_checkpoint_file_does_not_verify()
    {
        await Tamper.SeizeAndReleaseAsync(_service, 1);
        var checkpoint = await _service.Audit().ExportAuditCheckpointAsync(new ExportAuditCheckpointRequest());
        var altered = checkpoint.Document.Replace($"\"sequence\": {checkpoint.Sequence}", "\"sequence\": 1", StringComparison.Ordinal);
        Assert.NotEqual(checkpoint.Document, altered);

        var problem = await _service.WithDbAsync(db => new AuditCheckpoints(db, new AuditChainVerifier(db), new CheckpointKeys(Microsoft.Extensions.Options.Options.Create(new CheckpointOptions { CheckpointPublicKey = Key.ExportSubjectPublicKeyInfoPem() })), TimeProvider.System)
            .CheckAsync(altered, CancellationToken.None));

        Assert.Contains("signature does not verify", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_command_writes_a_checkpoint_the_verify_command_accepts()
    {
        await Tamper.SeizeAndReleaseAsync(_service, 1);
        var file = Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.checkpoint.json");
        var settings = ProcessSettings;
        settings["Audit__CheckpointKey"] = Key.ExportECPrivateKeyPem();

        var export = await ServiceProcess.RunAsync(settings, "export-checkpoint", "--out", file);
        Assert.True(export.ExitCode == 0, export.Output);
        var verify = await ServiceProcess.RunAsync(ProcessSettings, "verify-audit", "--checkpoint", file);

        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Contains("still holds it", verify.Output, StringComparison.Ordinal);
        File.Delete(file);
    }

    [Fact]
    public async Task Without_a_configured_key_export_is_failed_precondition()
    {
        using var keyless = new ServiceFactory();

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, AuditCheckpoints.KeyNotConfigured,
            () => keyless.Audit().ExportAuditCheckpointAsync(new ExportAuditCheckpointRequest()).ResponseAsync);
    }

    [Fact]
    public async Task A_malformed_checkpoint_key_stops_the_start_with_exit_code_1_naming_the_setting()
    {
        var settings = ProcessSettings;
        settings["Audit__CheckpointKey"] = "-----BEGIN EC PRIVATE KEY-----\nbm90IGEga2V5\n-----END EC PRIVATE KEY-----";
        settings["Auth__Issuer"] = ServiceFactory.Issuer;
        settings["Auth__Audience"] = ServiceFactory.Audience;
        settings["Auth__SigningKey"] = ServiceFactory.TestSigningKey;
        settings["Kestrel__Endpoints__Http__Url"] = "http://127.0.0.1:0";

        var start = await ServiceProcess.RunAsync(settings);

        Assert.Equal(1, start.ExitCode);
        Assert.Contains("Audit:CheckpointKey", start.Output, StringComparison.Ordinal);
    }
}
