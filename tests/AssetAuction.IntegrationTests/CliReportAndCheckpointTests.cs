using System.Security.Cryptography;
using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Security;
using Google.Protobuf;
using static AssetAuction.IntegrationTests.Infrastructure.CliRunner;

namespace AssetAuction.IntegrationTests;

/// <summary>`assetauction report show|export` and `assetauction audit checkpoint`, run in-process against the real host.</summary>
public sealed class CliReportAndCheckpointTests : IDisposable
{
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private readonly ServiceFactory _service = new(
        Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db"),
        settings: new Dictionary<string, string> { ["Audit:CheckpointKey"] = Key.ExportECPrivateKeyPem() });

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task The_working_year_report_is_shown_and_exported_as_csv_and_xlsx()
    {
        await _service.Seizures().RegisterSeizureAsync(TestData.Seizure());
        var token = await MintAsync(_service, Roles.Supervisor);

        var shown = await RunAsync(_service, "report", "show", "--office", TestData.Office, "--year", "2027", "--months", "2", "-o", "json", "--token", token);
        shown.Ok();
        var report = new JsonParser(JsonParser.Settings.Default).Parse<GetWorkingYearReportResponse>(shown.Out).Report;
        Assert.Equal("offices/HN-KV1", report.Scope);
        Assert.Equal(1, report.Assets.NewlySeized); // seized 20 November 2026, in working year 2027

        var table = await RunAsync(_service, "report", "show", "--province", "Hà Nội", "--year", "2027", "--token", token);
        table.Ok();
        Assert.Contains("newly_seized", table.Out, StringComparison.Ordinal);

        var dir = Directory.CreateTempSubdirectory("assetauction-report-");
        var csv = Path.Combine(dir.FullName, "report.csv");
        (await RunAsync(_service, "report", "export", "--office", TestData.Office, "--year", "2027", "--months", "2", "--out", csv, "--token", token)).Ok();
        Assert.Equal(report.Digest, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(csv))));
        var xlsx = Path.Combine(dir.FullName, "report.xlsx");
        (await RunAsync(_service, "report", "export", "--country", "--year", "2027", "--format", "xlsx", "--out", xlsx, "--token", token)).Ok();
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(xlsx))[..2]); // a zip package

        var usage = await RunAsync(_service, "report", "show", "--office", TestData.Office, "--country", "--year", "2027", "--token", token);
        Assert.Equal(2, usage.ExitCode);
        var officeToken = await MintAsync(_service, Roles.CaseManagement, TestData.Office);
        var refused = await RunAsync(_service, "report", "show", "--country", "--year", "2027", "--token", officeToken);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("OFFICE_NOT_ALLOWED", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_audit_checkpoint_is_exported_to_a_file_signed_over_the_chains_head()
    {
        await _service.Seizures().RegisterSeizureAsync(TestData.Seizure());
        var token = await MintAsync(_service, Roles.Supervisor);
        var file = Path.Combine(Directory.CreateTempSubdirectory("assetauction-checkpoint-").FullName, "checkpoint.json");

        var exported = await RunAsync(_service, "audit", "checkpoint", "--out", file, "-o", "json", "--token", token);
        exported.Ok();
        var response = new JsonParser(JsonParser.Settings.Default).Parse<ExportAuditCheckpointResponse>(exported.Out);
        Assert.Equal(response.Document, await File.ReadAllTextAsync(file));
        Assert.Contains(response.Hash, response.Document, StringComparison.Ordinal);
        Assert.True(response.Sequence >= 1);

        var notSupervisor = await RunAsync(_service, "audit", "checkpoint", "--token", await MintAsync(_service, Roles.Finance, TestData.Office));
        Assert.Equal(1, notSupervisor.ExitCode);
        Assert.Contains("ROLE_NOT_ALLOWED", notSupervisor.Error, StringComparison.Ordinal);
    }
}
