using System.Globalization;
using System.Text;
using AssetAuction.Contracts.V1;
using AssetAuction.Service.Security;
using Google.Protobuf.WellKnownTypes;
using Google.Type;

namespace AssetAuction.Benchmarks;

/// <summary>
/// The requests the load generator and the compare run send: valid for a service running on the real clock, so every
/// date is counted from today in Vietnam (the service refuses an auction day that is not after today).
/// </summary>
public static class Workload
{
    public const long Price = 1_000_000_000;

    /// <summary>Today in Vietnam (UTC+7 all year).</summary>
    public static DateOnly Today() => DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    public static Date D(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    /// <summary>A token for <paramref name="role"/> of <paramref name="office"/>, for the service configured with <paramref name="auth"/>.</summary>
    public static string Token(AuthOptions auth, string role, string office, string subject) =>
        // One hour: the service refuses tokens that live longer than Auth:MaxTokenLifetime.
        TokenMinter.Mint(auth, subject, role, office, "", TimeProvider.System.GetUtcNow(), TimeSpan.FromHours(1));

    /// <summary>A seizure of one land-use right held by the debtor alone (no co-owners to ask before the auction).</summary>
    public static RegisterSeizureRequest Seizure(string run, int i, string office, DateOnly today)
    {
        var number = i.ToString(CultureInfo.InvariantCulture);
        return new RegisterSeizureRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            EnforcementCase = new EnforcementCase { CaseNumber = $"LOAD-{run}-{number}", DecisionNumber = "1/QĐ", DecisionDate = D(today.AddDays(-30)), Office = office, Officer = "load" },
            Debtors = { new Party { Type = Party.Types.Type.Individual, FullName = "Debtor " + number } },
            SeizureDate = D(today.AddDays(-7)),
            MinutesNumber = "BB-" + number,
            Assets =
            {
                new NewAsset
                {
                    LandUseRight = new LandUseRight { Province = "LOAD", Commune = run, MapSheetNumber = "1", ParcelNumber = number, AreaM2 = 100, LandUsePurpose = "ODT" },
                    Owners = { new Owner { Party = new Party { Type = Party.Types.Type.Individual, FullName = "Debtor " + number }, JudgmentDebtor = true, ShareNumerator = 1, ShareDenominator = 1 } },
                },
            },
        };
    }

    public static RecordValuationRequest Valuation(Asset asset, DateOnly today) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Name = asset.Name,
        Etag = asset.Etag,
        Appraisal = new Appraisal { OrganizationName = "Công ty Thẩm định giá A", ContractNumber = "TĐG-01", ContractDate = D(today.AddDays(-6)), Price = Price, CertificateNumber = "CT-01", CertificateDate = D(today.AddDays(-5)) },
    };

    public static CreateAuctionOrganizationRequest Organization(string run) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Organization = new AuctionOrganization { DisplayName = "Công ty Đấu giá hợp danh B", LicenceNumber = "DG-" + run, Address = "Hà Nội", Contact = "024 0000 0000" },
    };

    public static SignAuctionContractRequest Contract(Asset asset, string organization, DateOnly today) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Name = asset.Name,
        Etag = asset.Etag,
        Organization = organization,
        ContractNumber = "HĐĐG-" + asset.Name[(asset.Name.LastIndexOf('/') + 1)..],
        ContractDate = D(today.AddDays(-4)),
    };

    /// <summary>A round posted today, <paramref name="daysAhead"/> days ahead (real estate needs 15 days' notice, and the first round falls within 45 days of the contract).</summary>
    public static RoundPlan Plan(DateOnly today, int daysAhead)
    {
        var auction = today.AddDays(daysAhead);
        return new RoundPlan
        {
            AuctionTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(auction.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero)),
            Place = "Hội trường Tổ chức đấu giá",
            PostingDate = D(today),
            RegistrationStart = D(today),
            RegistrationEnd = D(auction.AddDays(-2)),
            Deposit = Price / 10,
            BidStep = 10_000_000,
            Method = RoundPlan.Types.Method.Oral,
        };
    }

    public static ScheduleAuctionRoundRequest Schedule(Asset asset, DateOnly today) => new()
    {
        RequestId = Guid.NewGuid().ToString(), Name = asset.Name, Etag = asset.Etag, Plan = Plan(today, 20),
    };

    /// <summary>Moves the open round; repeatable, each one a new step in the asset's history.</summary>
    public static PostponeAuctionRoundRequest Postpone(Asset asset, DateOnly today, int n) => new()
    {
        RequestId = Guid.NewGuid().ToString(), Name = asset.Name, Etag = asset.Etag, Reason = $"postponement {n}", Plan = Plan(today, 20 + (n % 20)),
    };

    /// <summary>
    /// A bank statement of <paramref name="lines"/> lines in the CSV that ImportStatement reads, split into the fewest
    /// statements of at most <paramref name="maxChars"/> characters each (the API's limits on one request).
    /// </summary>
    public static List<string> Statements(int lines, int maxChars, DateOnly today)
    {
        const string header = "date,amount,reference,counterparty\n";
        var statements = new List<string>();
        var csv = new StringBuilder(header);
        for (var i = 0; i < lines; i++)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{today.AddDays(-(i % 28)):yyyy-MM-dd},{1_000_000 + (i % 9_000) * 1_000},UNC{i:D7},KB{i % 100}\n");
            if (csv.Length + line.Length > maxChars)
            {
                statements.Add(csv.ToString());
                csv.Clear().Append(header);
            }

            csv.Append(line);
        }

        statements.Add(csv.ToString());
        return statements;
    }
}
