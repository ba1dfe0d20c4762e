using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Grpc.Core;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;

namespace AssetAuction.IntegrationTests.Proceeds;

/// <summary>Importing the office's bank statement: what is refused, and a line matched once its movement is recorded.</summary>
public sealed class StatementImportTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private const string Header = "date,amount,reference,counterparty\n";

    private readonly TestLog _log = service.LogTo(output);

    private ProceedsService.ProceedsServiceClient Finance => new(service.Channel(service.Token("finance", TestData.Office)));

    [Fact]
    public async Task A_statement_with_a_bad_date_or_amount_is_refused_naming_its_line()
    {
        var bad = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Finance.ImportStatementAsync(Statement("SK-BAD", Header + "2026-13-01,12.5,,x\n")).ResponseAsync);

        Assert.Contains("Line 2", bad.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Single().Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-01,5,ab\"c,x\n")]
    [InlineData("2026-12-01,5,\"abc,x\n")]
    [InlineData("2026-12-01,5,abc,x,extra\n")]
    public async Task A_statement_with_a_stray_quote_an_unclosed_quote_or_an_extra_column_is_refused(string broken)
    {
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Finance.ImportStatementAsync(Statement("SK-BROKEN", Header + broken)).ResponseAsync);
    }

    [Fact]
    public async Task A_statement_line_that_arrives_before_its_movement_is_matched_at_a_later_import()
    {
        var arranged = await DistributionCase.SettledAsync(service);
        const string Line = "2026-12-21,777,\"Late receipt\",Debtor\n";

        var early = await Finance.ImportStatementAsync(Statement("SK-2026-12C", Header + Line));
        Assert.Equal(0, early.LinesMatched);

        await Finance.RecordLedgerCorrectionAsync(new RecordLedgerCorrectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), Asset = arranged.Asset, Reason = "Late receipt", ValueDate = D(2026, 12, 21),
            Postings = { new LedgerEntry { Account = LedgerAccount.Custody, Amount = 777 }, new LedgerEntry { Account = LedgerAccount.RedemptionReceipts, Amount = -777 } },
        });
        var later = await Finance.ImportStatementAsync(Statement("SK-2026-12C", Header + Line));

        Assert.Equal((1, 1), (later.LinesAlreadyImported, later.LinesMatched));
    }

    private static ImportStatementRequest Statement(string id, string csv) =>
        new() { RequestId = Guid.NewGuid().ToString(), Office = TestData.Office, StatementId = id, CsvContent = csv };
}
