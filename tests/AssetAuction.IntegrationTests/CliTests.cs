using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Security;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using static AssetAuction.IntegrationTests.Infrastructure.CliRunner;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;

namespace AssetAuction.IntegrationTests;

/// <summary>The `assetauction` CLI, run in-process as typed, against the real host: what it prints, and its exit codes.</summary>
public sealed class CliTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private static readonly JsonParser Json = new(JsonParser.Settings.Default);

    [Fact]
    public async Task Token_mint_prints_only_a_token_and_the_sample_seizure_registers_shows_and_lists()
    {
        var mint = await RunAsync(service, "token", "mint", "--role", Roles.CaseManagement, "--office", TestData.Office,
            "--signing-key", ServiceFactory.TestSigningKey, "--issuer", ServiceFactory.Issuer, "--audience", ServiceFactory.Audience);
        mint.Ok();
        var token = Assert.Single(mint.Lines);
        Assert.Equal(3, token.Split('.').Length);
        Assert.Equal("", mint.Error);

        var registered = await RunAsync(service, "seizure", "register", "--file", RepositoryFile("samples/seizure.json"), "--token", token, "--output", "json");
        registered.Ok();
        var response = Json.Parse<RegisterSeizureResponse>(registered.Out);
        var asset = Assert.Single(response.Assets);
        Assert.Equal(Asset.Types.State.Seized, asset.State);
        Assert.Equal("THA-2026-001", asset.Seizure.EnforcementCase.CaseNumber);

        // Registering the same file again without an id in it is a new act: the parcel is already seized.
        var again = await RunAsync(service, "seizure", "register", "--file", RepositoryFile("samples/seizure.json"), "--token", token);
        Assert.Equal(1, again.ExitCode);
        Assert.DoesNotContain("grpc-status-details-bin", again.Error, StringComparison.Ordinal);

        var shown = await RunAsync(service, "asset", "show", asset.Name, "--token", token);
        shown.Ok();
        Assert.Contains(asset.Name, shown.Out, StringComparison.Ordinal);
        Assert.Contains("Time limits", shown.Out, StringComparison.Ordinal);
        Assert.Contains("History", shown.Out, StringComparison.Ordinal);
        Assert.Contains("land-use-right", shown.Out, StringComparison.Ordinal);
        Assert.Contains("valuation-contract", shown.Out, StringComparison.Ordinal);

        var listed = await RunAsync(service, "asset", "list", "--case", "THA-2026-001", "--state", "seized", "-o", "csv", "--token", token);
        listed.Ok();
        Assert.Equal("name,state,kind,office,case,description,starting price", listed.Lines[0]);
        Assert.StartsWith($"{asset.Name},seized,land-use-right,{TestData.Office},THA-2026-001,", listed.Lines[1], StringComparison.Ordinal);
        Assert.Equal(2, listed.Lines.Length);

        var due = await RunAsync(service, "deadlines", "due", "--view", "open", "--asset", asset.Name, "-o", "json", "--token", token);
        due.Ok();
        Assert.Contains(Json.Parse<ListDeadlinesResponse>(due.Out).TimeLimits, t => t.Kind == TimeLimit.Types.Kind.ValuationContract);
    }

    [Fact]
    public async Task Refusals_show_code_reason_and_field_violations_and_exit_1()
    {
        var token = await MintAsync(service, Roles.CaseManagement, TestData.Office);

        var missing = await RunAsync(service, "asset", "show", "assets/0000000000000000000000000000", "--token", token);
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("error: NOT_FOUND ASSET_NOT_FOUND: ", missing.Error, StringComparison.Ordinal);

        var file = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"enforcementCase":{"office":"HN-KV1"},"assets":[{"description":"x"}]}""");
        try
        {
            var invalid = await RunAsync(service, "seizure", "register", "--file", file, "--token", token);
            Assert.Equal(1, invalid.ExitCode);
            Assert.StartsWith("error: INVALID_ARGUMENT", invalid.Error, StringComparison.Ordinal);
            Assert.Contains("  enforcement_case.case_number: ", invalid.Error, StringComparison.Ordinal);

            // For scripts: the google.rpc.Status itself, details decoded.
            var asJson = await RunAsync(service, "seizure", "register", "--file", file, "--token", token, "-o", "json");
            Assert.Equal(1, asJson.ExitCode);
            var status = new JsonParser(JsonParser.Settings.Default.WithTypeRegistry(Google.Protobuf.Reflection.TypeRegistry.FromMessages(Google.Rpc.ErrorInfo.Descriptor, Google.Rpc.BadRequest.Descriptor)))
                .Parse<Google.Rpc.Status>(asJson.Error);
            Assert.Equal((int)Grpc.Core.StatusCode.InvalidArgument, status.Code);
            Assert.Contains(status.Details.Where(d => d.Is(Google.Rpc.BadRequest.Descriptor)).Select(d => d.Unpack<Google.Rpc.BadRequest>()).SelectMany(b => b.FieldViolations), v => v.Field == "enforcement_case.case_number");
        }
        finally
        {
            File.Delete(file);
        }

        var anonymous = await RunAsync(service, "asset", "list");
        Assert.Equal(1, anonymous.ExitCode);
        Assert.StartsWith("error: UNAUTHENTICATED", anonymous.Error, StringComparison.Ordinal);

        var wrongRole = await RunAsync(service, "audit", "verify", "--token", token);
        Assert.Equal(1, wrongRole.ExitCode);
        Assert.Contains("PERMISSION_DENIED", wrongRole.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_exit_2_and_send_nothing_and_an_unreachable_service_exits_3()
    {
        var eventsBefore = await service.WithDbAsync(db => db.Events.CountAsync());
        Assert.Equal(2, (await RunAsync(service)).ExitCode);
        Assert.Equal(2, (await RunAsync(service, "asset", "list", "--state", "lost")).ExitCode);
        Assert.Equal(2, (await RunAsync(service, "asset", "frobnicate")).ExitCode);
        Assert.Equal(2, (await RunAsync(service, "token", "mint")).ExitCode);
        Assert.Equal(2, (await RunAsync(service, "seizure", "register", "--file", "/nonexistent/seizure.json")).ExitCode);
        Assert.Equal(2, (await RunAsync(service, "statement", "reconcile", "--office", "HN-KV1", "--from", "1 Dec", "--to", "2026-12-31")).ExitCode);
        Assert.Equal(2, (await RunAsync(service, "asset", "list", "--server", "ftp://example")).ExitCode);
        Assert.Equal(eventsBefore, await service.WithDbAsync(db => db.Events.CountAsync()));

        // Nothing listens on the discard port: a real socket, refused.
        var unreachable = await RunAsync(null, new Dictionary<string, string>(), "asset", "list", "--server", "http://127.0.0.1:9", "--token", "x");
        Assert.Equal(3, unreachable.ExitCode);
        Assert.StartsWith("error: UNAVAILABLE", unreachable.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_comes_from_the_option_then_the_environment_then_the_config_file()
    {
        var token = await MintAsync(service, Roles.Supervisor);
        var config = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(config, $$"""{"token":"{{token}}"}""");
        try
        {
            var fromFile = await RunAsync(service, new Dictionary<string, string> { ["ASSETAUCTION_CONFIG"] = config }, "audit", "verify");
            fromFile.Ok();
            Assert.Contains("Audit chain intact", fromFile.Out, StringComparison.Ordinal);

            var fromEnvironment = await RunAsync(service, new Dictionary<string, string> { ["ASSETAUCTION_TOKEN"] = token }, "audit", "verify", "-o", "json");
            Assert.True(Json.Parse<VerifyAuditChainResponse>(fromEnvironment.Out).Intact);

            // The option wins over both.
            var overridden = await RunAsync(service, new Dictionary<string, string> { ["ASSETAUCTION_CONFIG"] = config, ["ASSETAUCTION_TOKEN"] = token }, "audit", "verify", "--token", "not-a-token");
            Assert.Equal(1, overridden.ExitCode);
            Assert.StartsWith("error: UNAUTHENTICATED", overridden.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Finance_prepares_approves_and_pays_out_a_plan_then_imports_a_statement_and_reconciles()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        var proceeds = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token(Roles.CaseManagement, TestData.Office)));
        await proceeds.RegisterObligationAsync(new RegisterObligationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Obligation = new Obligation
            {
                Office = TestData.Office, CaseNumber = p.Asset.Seizure.EnforcementCase.CaseNumber, CreditorId = "X", Creditor = TestData.Person("Creditor X"),
                Owed = 700_000_000, Category = Obligation.Types.Category.Other, HolderIsJudgmentCreditor = true, RequestedOn = D(2026, 9, 1), EnforcementDecision = "123/QĐ-CCTHADS", Judgment = "BA-01",
            },
        });
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 9));
        p.Today(new DateOnly(2026, 12, 21));
        await p.SellAsync(1_000_000_000, 100_000_000);
        await p.PayAsync(900_000_000, new DateOnly(2026, 12, 21));

        var maker = await MintAsync(service, Roles.Finance, TestData.Office, subject: "cli-maker");
        var checker = await MintAsync(service, Roles.Finance, TestData.Office, subject: "cli-checker");
        var prepared = await RunAsync(service, "plan", "prepare", "--asset", p.Asset.Name, "--costs", "10000000", "--decision", "45/QĐ-CC", "--decision-date", "2026-10-01", "--payment-date", "2026-12-21", "--token", maker, "-o", "json");
        prepared.Ok();
        var plan = Json.Parse<PrepareDistributionPlanResponse>(prepared.Out).Plan;
        Assert.Equal(StoredDistributionPlan.Types.State.Prepared, plan.State);

        var selfApproval = await RunAsync(service, "plan", "approve", plan.Name, "--token", maker);
        Assert.Equal(1, selfApproval.ExitCode);
        Assert.Contains("FAILED_PRECONDITION PREPARER_CANNOT_APPROVE", selfApproval.Error, StringComparison.Ordinal);

        var approved = await RunAsync(service, "plan", "approve", plan.Name, "--token", checker);
        approved.Ok();
        Assert.Contains("approved", approved.Out, StringComparison.Ordinal);

        var net = plan.Plan.Creditors.Single(c => c.CreditorId == "X").NetPayout;
        var paid = await RunAsync(service, "plan", "payout", plan.Name, "--creditor", "X", "--amount", net.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--paid-on", "2026-12-21", "--reference", "UNC-77", "--token", maker, "-o", "json");
        paid.Ok();
        var payout = Assert.Single(Json.Parse<RecordPayoutResponse>(paid.Out).Plan.Payouts);
        Assert.Equal((net, Payout.Types.Method.BankTransfer, "UNC-77"), (payout.Amount, payout.Method, payout.Reference));

        var statement = Path.Combine(Path.GetTempPath(), $"SK-CLI-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(statement, "date,amount,reference,counterparty\n2026-12-21,4242,CLI-UNKNOWN-REF,Someone\n");
        try
        {
            var imported = await RunAsync(service, "statement", "import", "--office", TestData.Office, "--file", statement, "--token", maker);
            imported.Ok();
            Assert.Contains("CLI-UNKNOWN-REF", imported.Out, StringComparison.Ordinal);
            var importedAgain = await RunAsync(service, "statement", "import", "--office", TestData.Office, "--file", statement, "--token", maker, "-o", "json");
            Assert.Equal(1, Json.Parse<ImportStatementResponse>(importedAgain.Out).LinesAlreadyImported);
        }
        finally
        {
            File.Delete(statement);
        }

        var report = await RunAsync(service, "statement", "reconcile", "--office", TestData.Office, "--from", "2026-12-01", "--to", "2026-12-31", "--token", maker, "-o", "csv");
        report.Ok();
        Assert.Contains("unknown_statement_line,2026-12-21,4242,CLI-UNKNOWN-REF", report.Out, StringComparison.Ordinal);
        var table = await RunAsync(service, "statement", "reconcile", "--office", TestData.Office, "--from", "2026-12-01", "--to", "2026-12-31", "--token", maker);
        Assert.Contains("Statement lines nobody expected", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organization_lists_and_follows_its_rounds()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        var organization = await p.RegisterOrganizationAsync();
        await p.ContractAsync(organization, new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 15));
        var token = await MintAsync(service, Roles.AuctionOrganization, organization: organization["auctionOrganizations/".Length..]);

        var listed = await RunAsync(service, "rounds", "list", "--upcoming", "--token", token, "-o", "csv");
        listed.Ok();
        Assert.Contains(listed.Lines, l => l.Contains(",scheduled,2026-12-15,1000000000,", StringComparison.Ordinal));

        var followed = await RunAsync(service, "rounds", "follow", "--max-events", "1", "--token", token, "-o", "json");
        followed.Ok();
        var change = Json.Parse<StreamAuctionRoundsResponse>(Assert.Single(followed.Lines));
        Assert.Equal(("auction_round.scheduled", organization), (change.Type, change.Round.Organization));
    }
}

/// <summary>The backlog through the CLI; its own host, because it moves the clock months ahead.</summary>
public sealed class CliBacklogTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task The_backlog_lists_assets_stuck_at_their_stage_as_a_table_or_json()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        p.Today(new DateOnly(2027, 3, 1));
        var supervisor = await MintAsync(service, Roles.Supervisor);

        var backlog = await RunAsync(service, "deadlines", "backlog", "--office", TestData.Office, "--stuck-for-days", "30", "--all", "--token", supervisor, "-o", "json");
        backlog.Ok();
        Assert.Contains(new JsonParser(JsonParser.Settings.Default).Parse<ListBacklogResponse>(backlog.Out).Items, i => i.Asset == p.Asset.Name);
        var table = (await RunAsync(service, "deadlines", "backlog", "--office", TestData.Office, "--stuck-for-days", "30", "--token", supervisor)).Ok();
        Assert.Contains(p.Asset.Name, table.Out, StringComparison.Ordinal);
        Assert.Contains("seized", table.Out, StringComparison.Ordinal);
    }
}
