using AssetAuction.Contracts.V1;
using static AssetAuction.UnitTests.Validation.Given;
using Sz = AssetAuction.Service.Seizures;

namespace AssetAuction.UnitTests.Validation;

/// <summary>The seizure registry's request validators, with the seized asset's and the parties' rules.</summary>
public sealed class SeizureValidatorTests
{
    private static readonly TimeProvider Today = Clock;

    private static Party Person(string name) => new() { Type = Party.Types.Type.Individual, FullName = name, IdentityNumber = "001090000001", Address = "Hà Nội" };

    private static NewAsset Land(string parcel = "101") => new()
    {
        Description = "Đất ở và nhà ở gắn liền", SourceReference = "QLTS-" + parcel,
        LandUseRight = new LandUseRight
        {
            Province = "Hà Nội", Commune = "Phường Láng", MapSheetNumber = "12", ParcelNumber = parcel, Address = "Số 5 ngõ 10", AreaM2 = 84.5, LandUsePurpose = "ODT",
            UseTerm = "long-term", CertificateNumber = "CS 01234", CertificateIssueDate = Day(2015, 6, 1),
            AttachedProperties = { new AttachedProperty { Description = "Nhà 3 tầng", FloorAreaM2 = 210, OwnedByDebtor = true } },
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
                Type = Encumbrance.Types.Type.Mortgage, SecuredParty = new Party { Type = Party.Types.Type.Organization, FullName = "Ngân hàng TMCP X" },
                SecuredObligation = "HĐTD 123/2019", SecuredAmount = 2_500_000_000, RegistrationNumber = "DK-2019-555", RegistrationDate = Day(2019, 3, 4),
            },
        },
    };

    private static RegisterSeizureRequest Seizure(params NewAsset[] assets) => new()
    {
        RequestId = Uuid,
        EnforcementCase = new EnforcementCase { CaseNumber = "THA-1", DecisionNumber = "123/QĐ-CCTHADS", DecisionDate = Day(2026, 9, 1), Office = "HN-KV1", Officer = "officer-17" },
        Debtors = { Person("Nguyễn Văn A") },
        SeizureDate = Past,
        MinutesNumber = "BB-45/2026",
        Assets = { assets.Length > 0 ? assets : [Land()] },
    };

    private static NewAsset Only(NewAsset asset, Action<NewAsset> details)
    {
        asset.ClearDetails();
        details(asset);
        return asset;
    }

    internal static readonly IRuleSet[] Sets =
    [
        new RuleSet<RegisterSeizureRequest>("RegisterSeizure", new Sz.RegisterSeizure.Validator(Today), () => Seizure())
            .RequestId()
            .Break("enforcement_case", "missing", r => r.EnforcementCase = null)
            .Break("enforcement_case.case_number", "blank", r => r.EnforcementCase.CaseNumber = "")
            .Break("enforcement_case.decision_number", "longer than 128", r => r.EnforcementCase.DecisionNumber = new string('x', 129))
            .Break("enforcement_case.office", "blank", r => r.EnforcementCase.Office = "")
            .Break("enforcement_case.officer", "blank", r => r.EnforcementCase.Officer = "")
            .Break("enforcement_case.decision_date", "not a calendar day", r => r.EnforcementCase.DecisionDate = NotADay)
            .Break("enforcement_case.decision_date", "after the seizure", r => r.EnforcementCase.DecisionDate = Day(2026, 11, 21))
            .Break("debtors", "none", r => r.Debtors.Clear())
            .Break("debtors", "more than 50", r => r.Debtors.Add(Enumerable.Range(0, 50).Select(i => Person("D" + i))))
            .Break("debtors[0].type", "unspecified", r => r.Debtors[0].Type = Party.Types.Type.Unspecified)
            .Break("debtors[0].full_name", "blank", r => r.Debtors[0].FullName = " ")
            .Break("debtors[0].identity_number", "longer than 64", r => r.Debtors[0].IdentityNumber = new string('1', 65))
            .Break("debtors[0].address", "longer than 512", r => r.Debtors[0].Address = new string('x', 513))
            .PastDate("seizure_date")
            .Required("minutes_number", 128)
            .Break("assets", "none", r => r.Assets.Clear())
            .Break("assets", "more than 200", r => r.Assets.Add(Enumerable.Range(0, 200).Select(i => Land("p" + i))))
            .Break("assets[0] and assets[1]", "the same parcel twice", r => r.Assets.Add(new NewAsset(r.Assets[0]) { SourceReference = "QLTS-other" }))
            .Break("assets[0] and assets[1]", "the same source reference twice", r => r.Assets.Add(new NewAsset(Land("102")) { SourceReference = r.Assets[0].SourceReference }))
            .Break("assets[0].description", "longer than 1000", r => r.Assets[0].Description = new string('x', 1001))
            .Break("assets[0].source_reference", "longer than 128", r => r.Assets[0].SourceReference = new string('x', 129))
            .Break("assets[0].details", "none given", r => r.Assets[0].ClearDetails())
            .Break("assets[0].land_use_right.province", "blank", r => r.Assets[0].LandUseRight.Province = "")
            .Break("assets[0].land_use_right.commune", "longer than 100", r => r.Assets[0].LandUseRight.Commune = new string('x', 101))
            .Break("assets[0].land_use_right.map_sheet_number", "blank", r => r.Assets[0].LandUseRight.MapSheetNumber = "")
            .Break("assets[0].land_use_right.parcel_number", "longer than 32", r => r.Assets[0].LandUseRight.ParcelNumber = new string('9', 33))
            .Break("assets[0].land_use_right.address", "longer than 512", r => r.Assets[0].LandUseRight.Address = new string('x', 513))
            .Break("assets[0].land_use_right.area_m2", "zero", r => r.Assets[0].LandUseRight.AreaM2 = 0)
            .Break("assets[0].land_use_right.area_m2", "not a number", r => r.Assets[0].LandUseRight.AreaM2 = double.NaN)
            .Break("assets[0].land_use_right.land_use_purpose", "blank", r => r.Assets[0].LandUseRight.LandUsePurpose = "")
            .Break("assets[0].land_use_right.use_term", "longer than 128", r => r.Assets[0].LandUseRight.UseTerm = new string('x', 129))
            .Break("assets[0].land_use_right.certificate_number", "longer than 64", r => r.Assets[0].LandUseRight.CertificateNumber = new string('x', 65))
            .Break("assets[0].land_use_right.certificate_issue_date", "not a calendar day", r => r.Assets[0].LandUseRight.CertificateIssueDate = NotADay)
            .Break("assets[0].land_use_right.attached_properties", "more than 50", r => r.Assets[0].LandUseRight.AttachedProperties.Add(Enumerable.Range(0, 50).Select(_ => new AttachedProperty { Description = "Kho", OwnedByDebtor = true })))
            .Break("assets[0].land_use_right.attached_properties[0].description", "blank", r => r.Assets[0].LandUseRight.AttachedProperties[0].Description = "")
            .Break("assets[0].land_use_right.attached_properties[0].floor_area_m2", "negative", r => r.Assets[0].LandUseRight.AttachedProperties[0].FloorAreaM2 = -1)
            .Break("assets[0].land_use_right.attached_properties[0].owner_name", "not named when not the debtor's", r => r.Assets[0].LandUseRight.AttachedProperties[0].OwnedByDebtor = false)
            .Break("assets[0].land_use_right.attached_properties[0].owner_name", "longer than 256", r => r.Assets[0].LandUseRight.AttachedProperties[0].OwnerName = new string('x', 257))
            .Break("assets[0].owners", "none", r => r.Assets[0].Owners.Clear())
            .Break("assets[0].owners", "more than 50", r => r.Assets[0].Owners.Add(Enumerable.Range(0, 50).Select(i => new Owner { Party = Person("O" + i), ShareNumerator = 1, ShareDenominator = 1 })))
            .Break("assets[0].owners", "shares not adding up to one", r => r.Assets[0].Owners[1].ShareDenominator = 3)
            .Break("assets[0].owners", "no judgment debtor among them", r => r.Assets[0].Owners[0].JudgmentDebtor = false)
            .Break("assets[0].owners[0].party", "missing", r => r.Assets[0].Owners[0].Party = null)
            .Break("assets[0].owners[0].party.full_name", "blank", r => r.Assets[0].Owners[0].Party.FullName = "")
            .Break("assets[0].owners[0].share_denominator and assets[0].owners[0].share_numerator", "zero (so the share exceeds it too)", r => r.Assets[0].Owners[0].ShareDenominator = 0)
            .Break("assets[0].owners[0].share_numerator", "zero", r => r.Assets[0].Owners[0].ShareNumerator = 0)
            .Break("assets[0].owners[0].share_numerator and assets[0].owners", "above the denominator (so the shares exceed one whole too)", r =>
            {
                r.Assets[0].Owners.RemoveAt(1);
                (r.Assets[0].Owners[0].ShareNumerator, r.Assets[0].Owners[0].ShareDenominator) = (3, 2);
            })
            .Break("assets[0].encumbrances", "more than 50", r => r.Assets[0].Encumbrances.Add(Enumerable.Range(0, 50).Select(_ => new Encumbrance(r.Assets[0].Encumbrances[0]))))
            .Break("assets[0].encumbrances[0].type", "unspecified", r => r.Assets[0].Encumbrances[0].Type = Encumbrance.Types.Type.Unspecified)
            .Break("assets[0].encumbrances[0].secured_party", "missing", r => r.Assets[0].Encumbrances[0].SecuredParty = null)
            .Break("assets[0].encumbrances[0].secured_party.type", "unspecified", r => r.Assets[0].Encumbrances[0].SecuredParty.Type = Party.Types.Type.Unspecified)
            .Break("assets[0].encumbrances[0].secured_obligation", "blank", r => r.Assets[0].Encumbrances[0].SecuredObligation = "")
            .Break("assets[0].encumbrances[0].registration_number", "longer than 64", r => r.Assets[0].Encumbrances[0].RegistrationNumber = new string('x', 65))
            .Break("assets[0].encumbrances[0].secured_amount", "negative", r => r.Assets[0].Encumbrances[0].SecuredAmount = -1)
            .Break("assets[0].encumbrances[0].secured_amount", "over 10^15", r => r.Assets[0].Encumbrances[0].SecuredAmount = 1_000_000_000_000_001)
            .Break("assets[0].encumbrances[0].registration_date", "not a calendar day", r => r.Assets[0].Encumbrances[0].RegistrationDate = NotADay),
        new RuleSet<RegisterSeizureRequest>("RegisterSeizure (an apartment)", new Sz.RegisterSeizure.Validator(Today), () => Seizure(Only(Land(), a => a.House = new House
            {
                Type = House.Types.Type.Apartment, Province = "Hà Nội", Commune = "Phường Láng", Address = "Tòa A, số 1 Láng", ApartmentNumber = "1203", FloorAreaM2 = 75,
                CertificateNumber = "CH 0001", CertificateIssueDate = Day(2018, 1, 2),
            })))
            .Break("assets[0].house.type", "unspecified", r => r.Assets[0].House.Type = House.Types.Type.Unspecified)
            .Break("assets[0].house.province", "blank", r => r.Assets[0].House.Province = "")
            .Break("assets[0].house.commune", "blank", r => r.Assets[0].House.Commune = "")
            .Break("assets[0].house.address", "blank", r => r.Assets[0].House.Address = "")
            .Break("assets[0].house.apartment_number", "blank for an apartment", r => r.Assets[0].House.ApartmentNumber = "")
            .Break("assets[0].house.floor_area_m2", "zero", r => r.Assets[0].House.FloorAreaM2 = 0)
            .Break("assets[0].house.certificate_number", "longer than 64", r => r.Assets[0].House.CertificateNumber = new string('x', 65))
            .Break("assets[0].house.certificate_issue_date", "not a calendar day", r => r.Assets[0].House.CertificateIssueDate = NotADay),
        new RuleSet<RegisterSeizureRequest>("RegisterSeizure (a house, no apartment number)", new Sz.RegisterSeizure.Validator(Today), () => Seizure(Only(Land(), a => a.House = new House
            {
                Type = House.Types.Type.House, Province = "Hà Nội", Commune = "Phường Láng", Address = "Số 5 ngõ 10", FloorAreaM2 = 120,
            }))),
        new RuleSet<RegisterSeizureRequest>("RegisterSeizure (a vehicle)", new Sz.RegisterSeizure.Validator(Today), () => Seizure(Only(Land(), a => a.RoadVehicle = new RoadVehicle
            {
                PlateNumber = "30A-123.45", ChassisNumber = "RL4000001", EngineNumber = "2NR0001", RegistrationCertificateNumber = "012345", RegistrationDate = Day(2019, 5, 6), MakeModel = "Toyota Vios 2019",
            })))
            .Break("assets[0].road_vehicle.chassis_number", "blank", r => r.Assets[0].RoadVehicle.ChassisNumber = "")
            .Break("assets[0].road_vehicle.engine_number", "longer than 64", r => r.Assets[0].RoadVehicle.EngineNumber = new string('x', 65))
            .Break("assets[0].road_vehicle.plate_number", "longer than 32", r => r.Assets[0].RoadVehicle.PlateNumber = new string('x', 33))
            .Break("assets[0].road_vehicle.registration_certificate_number", "longer than 64", r => r.Assets[0].RoadVehicle.RegistrationCertificateNumber = new string('x', 65))
            .Break("assets[0].road_vehicle.registration_date", "not a calendar day", r => r.Assets[0].RoadVehicle.RegistrationDate = NotADay)
            .Break("assets[0].road_vehicle.make_model", "longer than 128", r => r.Assets[0].RoadVehicle.MakeModel = new string('x', 129)),
        new RuleSet<RegisterSeizureRequest>("RegisterSeizure (another movable)", new Sz.RegisterSeizure.Validator(Today), () => Seizure(Only(Land(), a => a.OtherMovable = new OtherMovable
            {
                Description = "Máy xúc", IdentifyingMarks = "Số khung KX-1", Quantity = 1,
            })))
            .Break("assets[0].other_movable.description", "blank", r => r.Assets[0].OtherMovable.Description = "")
            .Break("assets[0].other_movable.identifying_marks", "longer than 512", r => r.Assets[0].OtherMovable.IdentifyingMarks = new string('x', 513))
            .Break("assets[0].other_movable.quantity", "zero", r => r.Assets[0].OtherMovable.Quantity = 0),
        new RuleSet<ReleaseSeizureRequest>("ReleaseSeizure", new Sz.ReleaseSeizure.Validator(Today), () => new()
            {
                RequestId = Uuid, Name = AnAsset, Etag = "3", DecisionDate = Past, Reason = "Người phải thi hành án đã thi hành xong",
            })
            .Step().OptionalPastDate("decision_date").Required("reason", 2000),
        new RuleSet<GetAssetRequest>("GetAsset (by name)", new Sz.GetAsset.Validator(), () => new() { Name = AnAsset })
            .Break("name", "not an asset name", r => r.Name = "seizures/1")
            .Break("source_reference", "given with the name", r => r.SourceReference = "QLTS-1")
            .Break("office", "given with the name", r => r.Office = "HN-KV1"),
        new RuleSet<GetAssetRequest>("GetAsset (by source reference)", new Sz.GetAsset.Validator(), () => new() { SourceReference = "QLTS-1", Office = "HN-KV1" })
            .Optional("source_reference", 128).Optional("office", 64),
        new RuleSet<GetAssetRequest>("GetAsset (neither)", new Sz.GetAsset.Validator(), () => new() { Name = AnAsset })
            .Break("name", "neither name nor source reference", r => r.Name = ""),
        new RuleSet<ListAssetsRequest>("ListAssets", new Sz.ListAssets.Validator(), () => new()
            {
                PageSize = 50, Office = "HN-KV1", CaseNumber = "THA-1", SourceReference = "QLTS-1", State = Asset.Types.State.Valued, Kind = Asset.Types.Kind.LandUseRight,
            })
            .PageSize().Optional("office", 64).Optional("case_number", 128).Optional("source_reference", 128)
            .Break("state", "not a known state", r => r.State = (Asset.Types.State)999)
            .Break("kind", "not a known kind", r => r.Kind = (Asset.Types.Kind)999),
    ];

    public static TheoryData<string> Rpcs => RuleSets.Rpcs(Sets);

    public static TheoryData<string, string, string> Broken => RuleSets.Breaks(Sets);

    [Theory]
    [MemberData(nameof(Rpcs))]
    public void A_complete_request_passes(string rpc) => RuleSets.Of(Sets, rpc).AssertValid();

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_rule_names_its_proto_field_and_no_other(string rpc, string field, string how) => RuleSets.Of(Sets, rpc).AssertBroken(field, how);
}
