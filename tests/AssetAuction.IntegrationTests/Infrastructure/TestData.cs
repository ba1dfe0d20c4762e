using AssetAuction.Contracts.V1;
using Google.Type;

namespace AssetAuction.IntegrationTests.Infrastructure;

/// <summary>Valid requests to start from; each test changes what it is about.</summary>
public static class TestData
{
    public const string Office = "HN-KV1";
    public const string OtherOffice = "HCM-KV3";

    private static int _counter;

    /// <summary>A number unique within the test run, for parcel and chassis numbers.</summary>
    public static string Unique() => Interlocked.Increment(ref _counter).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static NewAsset Land(string? parcel = null, string commune = "Phường Láng") => new()
    {
        Description = "Residential land with a 3-storey house",
        LandUseRight = new LandUseRight
        {
            Province = "Hà Nội",
            Commune = commune,
            MapSheetNumber = "12",
            ParcelNumber = parcel ?? Unique(),
            Address = "Số 5 ngõ 10, Láng",
            AreaM2 = 84.5,
            LandUsePurpose = "ODT",
            UseTerm = "long-term",
            CertificateNumber = "CS 01234",
            CertificateIssueDate = new Date { Year = 2015, Month = 6, Day = 1 },
            OnlyResidence = true,
            AttachedProperties = { new AttachedProperty { Description = "3-storey house", FloorAreaM2 = 210, OwnedByDebtor = true } },
        },
        Owners =
        {
            new Owner { Party = Person("Nguyễn Văn A"), JudgmentDebtor = true, ShareNumerator = 1, ShareDenominator = 2 },
            new Owner { Party = Person("Trần Thị B"), JudgmentDebtor = false, ShareNumerator = 1, ShareDenominator = 2 },
        },
        Encumbrances =
        {
            new Encumbrance
            {
                Type = Encumbrance.Types.Type.Mortgage,
                SecuredParty = new Party { Type = Party.Types.Type.Organization, FullName = "Ngân hàng TMCP X" },
                SecuredObligation = "Credit contract 123/2019/HĐTD",
                SecuredAmount = 2_500_000_000,
                RegistrationNumber = "DK-2019-555",
                RegistrationDate = new Date { Year = 2019, Month = 3, Day = 4 },
            },
        },
    };

    public static NewAsset Vehicle(string? chassis = null) => new()
    {
        Description = "Passenger car",
        RoadVehicle = new RoadVehicle
        {
            PlateNumber = "30A-123.45",
            ChassisNumber = chassis ?? "RL4" + Unique().PadLeft(8, '0'),
            EngineNumber = "2NR" + Unique(),
            RegistrationCertificateNumber = "012345",
            MakeModel = "Toyota Vios 2019",
        },
        Owners = { new Owner { Party = Person("Nguyễn Văn A"), JudgmentDebtor = true, ShareNumerator = 1, ShareDenominator = 1 } },
    };

    public static RegisterSeizureRequest Seizure(string? caseNumber = null, string office = Office, params NewAsset[] assets)
    {
        var request = new RegisterSeizureRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            EnforcementCase = new EnforcementCase
            {
                CaseNumber = caseNumber ?? "THA-" + Unique(),
                DecisionNumber = "123/QĐ-CCTHADS",
                DecisionDate = new Date { Year = 2026, Month = 9, Day = 1 },
                Office = office,
                Officer = "officer-17",
            },
            Debtors = { Person("Nguyễn Văn A") },
            SeizureDate = new Date { Year = 2026, Month = 11, Day = 20 },
            MinutesNumber = "BB-45/2026",
        };
        request.Assets.Add(assets.Length > 0 ? assets : [Land()]);
        return request;
    }

    public static Party Person(string name) => new() { Type = Party.Types.Type.Individual, FullName = name, IdentityNumber = "0010" + Unique().PadLeft(8, '0'), Address = "Hà Nội" };
}
