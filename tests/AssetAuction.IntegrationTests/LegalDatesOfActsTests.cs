using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;
using Kind = AssetAuction.Contracts.V1.TimeLimit.Types.Kind;

namespace AssetAuction.IntegrationTests;

/// <summary>Each act is judged by the rules of its own legal date, and the time limits it opens record that date.</summary>
public sealed class LegalDatesOfActsTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_time_limit_records_the_legal_date_of_the_act_that_opened_it_and_when_it_was_keyed_in()
    {
        // Seized on 20 November, registered on 23 November.
        var p = await PipelineDriver.SeizeAsync(service);
        var valuation = p.Limit(Kind.ValuationContract);
        Assert.Equal(D(2026, 11, 20), valuation.OpenedOn);
        Assert.Equal(service.Clock.GetUtcNow(), valuation.OpenTime.ToDateTimeOffset());

        // The valuation of 23 November is keyed in four days later: its limits count from, and say, 23 November.
        p.Today(new DateOnly(2026, 11, 27));
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        var contract = p.Limit(Kind.AuctionContract);
        Assert.Equal(D(2026, 11, 23), contract.OpenedOn);
        Assert.Equal(new DateOnly(2026, 11, 27), DateOnly.FromDateTime(contract.OpenTime.ToDateTimeOffset().ToOffset(TimeSpan.FromHours(7)).DateTime));
        Assert.Equal(D(2026, 11, 23), p.Limit(Kind.ValuationNotice).OpenedOn);
    }

    [Fact]
    public async Task A_payment_extension_is_judged_by_the_rules_on_the_agreements_date_and_only_within_the_payment_period()
    {
        using var june = new ServiceFactory(Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db"), new DateTimeOffset(2026, 6, 1, 3, 0, 0, TimeSpan.Zero));
        var p = await PipelineDriver.SeizeAsync(june, adjust: r =>
        {
            r.SeizureDate = D(2026, 5, 25);
            r.EnforcementCase.DecisionDate = D(2026, 5, 4);
        });
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 6, 1));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 6, 1));
        await p.ScheduleAsync(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 17));
        p.Today(new DateOnly(2026, 6, 17));
        await p.SellAsync(1_000_000_000, 100_000_000);
        Assert.Equal(D(2026, 7, 17), p.Asset.Sale.PaymentDueDate); // 30 days from the auction

        // Keyed in on 3 July under the 2026 rules, but agreed on 29 June: the legacy rules allowed no extension.
        p.Today(new DateOnly(2026, 7, 3));
        ExtendBuyerPaymentRequest Extend(DateOnly agreed, DateOnly due) => new() { NewDueDate = D(due), Agreement = "Thỏa thuận gia hạn", AgreementDate = D(agreed) };
        var legacy = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "EXTENSION_NOT_ALLOWED", () => p.Step(Extend(new DateOnly(2026, 6, 29), new DateOnly(2026, 8, 10)), async r => (await p.Client.ExtendBuyerPaymentAsync(r)).Asset));
        Assert.Equal("legacy", legacy.GetDetail<ErrorInfo>()!.Metadata["rule_set"]);
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => p.Step(Extend(new DateOnly(2026, 7, 4), new DateOnly(2026, 8, 10)), async r => (await p.Client.ExtendBuyerPaymentAsync(r)).Asset));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "DATE_BEFORE_PREVIOUS_STEP", () => p.Step(Extend(new DateOnly(2026, 6, 16), new DateOnly(2026, 8, 10)), async r => (await p.Client.ExtendBuyerPaymentAsync(r)).Asset));

        // Agreed on 2 July: the 2026 rules allow up to 60 days from the auction (Decree 152/2026 art. 65.1).
        await p.Step(Extend(new DateOnly(2026, 7, 2), new DateOnly(2026, 8, 10)), async r => (await p.Client.ExtendBuyerPaymentAsync(r)).Asset);
        Assert.Equal(D(2026, 8, 10), p.Asset.Sale.PaymentDueDate);
        var extended = p.Asset.TimeLimits.Single(t => t.Kind == Kind.WinnerPayment && t.State == TimeLimit.Types.State.Open);
        Assert.Equal((D(2026, 7, 2), "2026"), (extended.OpenedOn, extended.RuleSet));
        Assert.Equal(D(2026, 7, 2), p.Asset.TimeLimits.Single(t => t.Kind == Kind.WinnerPayment && t.State == TimeLimit.Types.State.Cancelled).ClosedOn);

        // Once the payment period has ended, there is nothing left to extend.
        p.Today(new DateOnly(2026, 8, 12));
        var over = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PAYMENT_PERIOD_OVER", () => p.Step(Extend(new DateOnly(2026, 8, 11), new DateOnly(2026, 8, 14)), async r => (await p.Client.ExtendBuyerPaymentAsync(r)).Asset));
        Assert.Equal("2026-08-10", over.GetDetail<ErrorInfo>()!.Metadata["payment_due_date"]);
    }
}
