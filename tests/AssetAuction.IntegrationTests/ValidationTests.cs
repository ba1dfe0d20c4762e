using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Google.Type;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.IntegrationTests;

/// <summary>Each bad field gets its own BadRequest violation, with its proto path; nothing is written.</summary>
public sealed class ValidationTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    public static TheoryData<string, string> BadRequests => new()
    {
        { "area not positive", "assets[0].land_use_right.area_m2" },
        { "shares not whole", "assets[0].owners" },
        { "seizure date in the future", "seizure_date" },
        { "seizure date not a date", "seizure_date" },
        { "missing parcel number", "assets[0].land_use_right.parcel_number" },
        { "missing map sheet", "assets[0].land_use_right.map_sheet_number" },
        { "missing chassis number", "assets[1].road_vehicle.chassis_number" },
        { "no details", "assets[0].details" },
        { "no assets", "assets" },
        { "no debtors", "debtors" },
        { "request id not a uuid", "request_id" },
        { "missing office", "enforcement_case.office" },
        { "missing case", "enforcement_case" },
        { "no owner is a debtor", "assets[0].owners" },
        { "share above the whole", "assets[0].owners[0].share_numerator" },
        { "negative secured amount", "assets[0].encumbrances[0].secured_amount" },
        { "same parcel twice", "assets[1]" },
        { "decision after seizure", "enforcement_case.decision_date" },
        { "debtor type unspecified", "debtors[0].type" },
        { "owner type out of range", "assets[0].owners[0].party.type" },
        { "date beyond year 9999", "assets[0].land_use_right.certificate_issue_date" },
        { "province too long", "assets[0].land_use_right.province" },
        { "request id not canonical", "request_id" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task RegisterSeizure_with_a_bad_field_is_invalid_argument_naming_that_field(string problem, string field)
    {
        var request = TestData.Seizure(assets: [TestData.Land(), TestData.Vehicle()]);
        Spoil(request, problem);
        var rowsBefore = await CountRowsAsync();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT",
            () => service.Seizures().RegisterSeizureAsync(request).ResponseAsync);

        Assert.Contains(field, RpcAssert.Fields(status));
        Assert.Equal(rowsBefore, await CountRowsAsync());
    }

    [Fact]
    public async Task RegisterSeizure_reports_every_bad_field_at_once()
    {
        var request = TestData.Seizure();
        Spoil(request, "area not positive");
        Spoil(request, "missing parcel number");
        Spoil(request, "seizure date in the future");

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => service.Seizures().RegisterSeizureAsync(request).ResponseAsync);

        Assert.Superset(
            new HashSet<string> { "assets[0].land_use_right.area_m2", "assets[0].land_use_right.parcel_number", "seizure_date" },
            RpcAssert.Fields(status).ToHashSet());
    }

    [Fact]
    public async Task ReleaseSeizure_without_reason_or_etag_names_both_fields()
    {
        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => service.Seizures().ReleaseSeizureAsync(new ReleaseSeizureRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = "assets/x",
        }).ResponseAsync);

        Assert.Superset(new HashSet<string> { "etag", "reason" }, RpcAssert.Fields(status).ToHashSet());
    }

    [Fact]
    public async Task ListAssets_with_a_page_size_above_the_maximum_is_invalid()
    {
        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => service.Seizures().ListAssetsAsync(new ListAssetsRequest { PageSize = 501 }).ResponseAsync);

        Assert.Contains("page_size", RpcAssert.Fields(status));
    }

    private static void Spoil(RegisterSeizureRequest request, string problem)
    {
        var land = request.Assets[0].LandUseRight;
        switch (problem)
        {
            case "area not positive": land.AreaM2 = 0; break;
            case "shares not whole": request.Assets[0].Owners[1].ShareNumerator = 1; request.Assets[0].Owners[1].ShareDenominator = 3; break;
            case "seizure date in the future": request.SeizureDate = new Date { Year = 2026, Month = 11, Day = 24 }; break;
            case "seizure date not a date": request.SeizureDate = new Date { Year = 2026, Month = 2, Day = 30 }; break;
            case "missing parcel number": land.ParcelNumber = " "; break;
            case "missing map sheet": land.MapSheetNumber = ""; break;
            case "missing chassis number": request.Assets[1].RoadVehicle.ChassisNumber = ""; break;
            case "no details": request.Assets[0].ClearDetails(); break;
            case "no assets": request.Assets.Clear(); break;
            case "no debtors": request.Debtors.Clear(); break;
            case "request id not a uuid": request.RequestId = "retry-1"; break;
            case "missing office": request.EnforcementCase.Office = ""; break;
            case "missing case": request.EnforcementCase = null; break;
            case "no owner is a debtor": request.Assets[0].Owners[0].JudgmentDebtor = false; break;
            case "share above the whole": request.Assets[0].Owners[0].ShareNumerator = 3; break;
            case "negative secured amount": request.Assets[0].Encumbrances[0].SecuredAmount = -1; break;
            case "same parcel twice": request.Assets[1] = request.Assets[0].Clone(); break;
            case "debtor type unspecified": request.Debtors[0].Type = Party.Types.Type.Unspecified; break;
            case "owner type out of range": request.Assets[0].Owners[0].Party.Type = (Party.Types.Type)99; break;
            case "date beyond year 9999": land.CertificateIssueDate = new Date { Year = 10000, Month = 1, Day = 1 }; break;
            case "province too long": land.Province = new string('x', 101); break;
            case "request id not canonical": request.RequestId = "{" + Guid.NewGuid() + "}"; break;
            case "decision after seizure": request.EnforcementCase.DecisionDate = new Date { Year = 2026, Month = 11, Day = 21 }; break;
            default: throw new ArgumentOutOfRangeException(nameof(problem), problem, null);
        }
    }

    private Task<(int, int, int, int)> CountRowsAsync() => service.WithDbAsync(async db =>
        (await db.Assets.CountAsync(), await db.Seizures.CountAsync(), await db.AuditEntries.CountAsync(), await db.Events.CountAsync()));
}
