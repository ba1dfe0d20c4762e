using AssetAuction.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Type;

namespace AssetAuction.IntegrationTests.Infrastructure;

/// <summary>
/// Walks one asset through the pipeline with the real client: each step sends a new request_id,
/// the asset's name and the etag last read, and keeps the asset it gets back.
/// </summary>
public sealed class PipelineDriver(ServiceFactory service, Asset asset)
{
    public PipelineService.PipelineServiceClient Client { get; } = new(service.Channel(service.Token("case_management", TestData.Office)));

    public Asset Asset { get; private set; } = asset;

    public static async Task<PipelineDriver> SeizeAsync(ServiceFactory service, NewAsset? what = null, Action<RegisterSeizureRequest>? adjust = null)
    {
        var request = TestData.Seizure(assets: what ?? TestData.Land());
        adjust?.Invoke(request);
        var registered = await service.Seizures().RegisterSeizureAsync(request);
        return new PipelineDriver(service, registered.Assets[0]);
    }

    public static Date D(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static Date D(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    /// <summary>Moves the fake clock to 10:00 in Vietnam on <paramref name="day"/>.</summary>
    public void Today(DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
        if (target > service.Clock.GetUtcNow())
        {
            service.Clock.SetUtcNow(target);
        }
    }

    public async Task<Asset> Step<TRequest>(TRequest request, Func<TRequest, Task<Asset>> call)
        where TRequest : Google.Protobuf.IMessage
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(call);
        var fields = request.Descriptor.Fields;
        fields["request_id"].Accessor.SetValue(request, Guid.NewGuid().ToString());
        fields["name"].Accessor.SetValue(request, Asset.Name);
        fields["etag"].Accessor.SetValue(request, Asset.Etag);
        Asset = await call(request);
        return Asset;
    }

    public Task<Asset> ValueAsync(long price, DateOnly on) => Step(new RecordValuationRequest
    {
        Appraisal = new Appraisal { OrganizationName = "Công ty Thẩm định giá A", ContractNumber = "TĐG-01", ContractDate = D(on), Price = price, CertificateNumber = "CT-01", CertificateDate = D(on) },
    }, async r => (await Client.RecordValuationAsync(r)).Asset);

    public async Task<string> RegisterOrganizationAsync()
    {
        var client = new AuctionOrganizationService.AuctionOrganizationServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        var created = await client.CreateAuctionOrganizationAsync(new CreateAuctionOrganizationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Organization = new AuctionOrganization { DisplayName = "Công ty Đấu giá hợp danh B", LicenceNumber = "DG-" + TestData.Unique(), Address = "Hà Nội", Contact = "024 0000 0000" },
        });
        return created.Organization.Name;
    }

    /// <summary>Signs the auction contract; co-owners who have not answered are first recorded as declining (LTHADS 74.3).</summary>
    public async Task<Asset> ContractAsync(string organization, DateOnly on)
    {
        var unanswered = Asset.Owners.Where(o => !o.JudgmentDebtor && Asset.CoOwnerAnswers.All(a => a.CoOwnerName != o.Party.FullName)).ToList();
        if (unanswered.Count > 0 && Asset.State == Asset.Types.State.Valued)
        {
            await DeclineCoOwnersAsync(on);
        }

        return await Step(new SignAuctionContractRequest
        {
            Organization = organization, ContractNumber = "HĐĐG-" + TestData.Unique(), ContractDate = D(on),
        }, async r => (await Client.SignAuctionContractAsync(r)).Asset);
    }

    public Task<Asset> DeclineCoOwnersAsync(DateOnly on)
    {
        var request = new RecordCoOwnerOfferRequest { SaleDate = D(on) };
        request.Answers.Add(Asset.Owners.Where(o => !o.JudgmentDebtor).Select(o => new CoOwnerAnswer { CoOwnerName = o.Party.FullName, Accepted = false, AnswerDate = D(on) }));
        return Step(request, async r => (await Client.RecordCoOwnerOfferAsync(r)).Asset);
    }

    public static RoundPlan Plan(DateOnly posting, DateOnly auction, long deposit) => new()
    {
        AuctionTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(auction.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero)),
        Place = "Hội trường Tổ chức đấu giá",
        PostingDate = D(posting),
        RegistrationStart = D(posting),
        RegistrationEnd = D(auction.AddDays(-2)),
        Deposit = deposit,
        BidStep = 10_000_000,
        Method = RoundPlan.Types.Method.Oral,
    };

    public Task<Asset> ScheduleAsync(DateOnly posting, DateOnly auction, long? deposit = null) => Step(new ScheduleAuctionRoundRequest
    {
        Plan = Plan(posting, auction, deposit ?? Asset.StartingPrice / 10),
    }, async r => (await Client.ScheduleAuctionRoundAsync(r)).Asset);

    public Task<Asset> FailAsync(AuctionRound.Types.FailureReason reason = AuctionRound.Types.FailureReason.NoBids) => Step(new RecordAuctionResultRequest
    {
        Failed = new FailedResult { Reason = reason }, Note = "Biên bản đấu giá không thành",
    }, async r => (await Client.RecordAuctionResultAsync(r)).Asset);

    public Task<Asset> SellAsync(long price, long deposit) => Step(new RecordAuctionResultRequest
    {
        Sold = new SoldResult { Winner = TestData.Person("Lê Văn Mua"), WinningPrice = price, DepositPaid = deposit },
    }, async r => (await Client.RecordAuctionResultAsync(r)).Asset);

    public Task<Asset> ReduceAsync(long newPrice, DateOnly on, bool agreed = true) => Step(new ReducePriceRequest
    {
        AgreedByParties = agreed, NewStartingPrice = newPrice, DecisionNumber = "QĐ-GG-" + TestData.Unique(), DecisionDate = D(on),
    }, async r => (await Client.ReducePriceAsync(r)).Asset);

    public Task<Asset> PayAsync(long amount, DateOnly on) => Step(new RecordBuyerPaymentRequest
    {
        Amount = amount, PaidOn = D(on), Reference = "UNC-" + TestData.Unique(),
    }, async r => (await Client.RecordBuyerPaymentAsync(r)).Asset);

    /// <summary>Schedules a round 16 days after <paramref name="posting"/> (real estate: 15 days' notice), moves to it and fails it.</summary>
    public async Task<DateOnly> FailRoundPostedOnAsync(DateOnly posting)
    {
        var auction = posting.AddDays(16);
        await ScheduleAsync(posting, auction);
        Today(auction);
        await FailAsync();
        return auction;
    }

    /// <summary>Valued, under contract, a first round failed, the price reduced, a second round failed (from 2026-11-23).</summary>
    public async Task<Asset> TwoFailedRoundsAsync()
    {
        await ValueAsync(2_000_000_000, new DateOnly(2026, 11, 23));
        await ContractAsync(await RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        var first = await FailRoundPostedOnAsync(new DateOnly(2026, 11, 23));
        await ReduceAsync(1_800_000_000, first);
        await FailRoundPostedOnAsync(first);
        return Asset;
    }

    public TimeLimit Limit(TimeLimit.Types.Kind kind) => Asset.TimeLimits.Last(t => t.Kind == kind);
}
