using AssetAuction.Domain.Assets;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Pipeline;
using Proto = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Seizures;

/// <summary>Domain assets to and from their protobuf form. Enum numbers match on both sides.</summary>
internal static class AssetMapping
{
    public static Proto.Asset ToProto(this Asset asset)
    {
        var proto = new Proto.Asset
        {
            Name = asset.Name,
            Seizure = asset.Seizure.ToProto(),
            Office = asset.Office,
            State = (Proto.Asset.Types.State)asset.State,
            Kind = (Proto.Asset.Types.Kind)asset.Kind,
            Description = asset.Description,
            ReleaseReason = asset.ReleaseReason,
            ReleaseTime = asset.ReleaseTime.ToProto(),
            CreateTime = asset.CreateTime.ToProto(),
            UpdateTime = asset.UpdateTime.ToProto(),
            Etag = asset.Etag,
            SourceReference = asset.SourceReference ?? "",
            Import = asset.Import ?? "",
        };
        proto.Owners.Add(asset.Owners.Select(o => new Proto.Owner
        {
            Party = o.Party.ToProto(),
            JudgmentDebtor = o.JudgmentDebtor,
            ShareNumerator = o.ShareNumerator,
            ShareDenominator = o.ShareDenominator,
        }));
        proto.Encumbrances.Add(asset.Encumbrances.Select(e => new Proto.Encumbrance
        {
            Type = (Proto.Encumbrance.Types.Type)e.Type,
            SecuredParty = e.SecuredParty.ToProto(),
            SecuredObligation = e.SecuredObligation,
            SecuredAmount = e.SecuredAmount,
            RegistrationNumber = e.RegistrationNumber,
            RegistrationDate = e.RegistrationDate.ToProto(),
        }));
        proto.AddPipeline(asset);
        switch (asset.Kind)
        {
            case AssetKind.LandUseRight:
                proto.LandUseRight = asset.Land!.ToProto();
                break;
            case AssetKind.House:
                proto.House = asset.House!.ToProto();
                break;
            case AssetKind.RoadVehicle:
                proto.RoadVehicle = asset.Vehicle!.ToProto();
                break;
            case AssetKind.OtherMovable:
                proto.OtherMovable = new Proto.OtherMovable { Description = asset.Movable!.Description, IdentifyingMarks = asset.Movable.IdentifyingMarks, Quantity = asset.Movable.Quantity };
                break;
        }

        return proto;
    }

    public static Proto.SeizureAct ToProto(this SeizureAct act)
    {
        var proto = new Proto.SeizureAct
        {
            Name = act.Name,
            EnforcementCase = new Proto.EnforcementCase
            {
                CaseNumber = act.Case.CaseNumber,
                DecisionNumber = act.Case.DecisionNumber,
                DecisionDate = act.Case.DecisionDate.ToProto(),
                Office = act.Case.Office,
                Officer = act.Case.Officer,
                StateBudgetDebt = act.Case.StateBudgetDebt,
            },
            SeizureDate = act.SeizureDate.ToProto(),
            MinutesNumber = act.MinutesNumber,
        };
        proto.Debtors.Add(act.Debtors.Select(ToProto));
        return proto;
    }

    public static Proto.Party ToProto(this Party party) => new()
    {
        Type = (Proto.Party.Types.Type)party.Type,
        FullName = party.FullName,
        IdentityNumber = party.IdentityNumber,
        Address = party.Address,
    };

    private static Proto.LandUseRight ToProto(this LandUseRight land)
    {
        var proto = new Proto.LandUseRight
        {
            Province = land.Province,
            Commune = land.Commune,
            MapSheetNumber = land.MapSheetNumber,
            ParcelNumber = land.ParcelNumber,
            Address = land.Address,
            AreaM2 = land.AreaM2,
            LandUsePurpose = land.LandUsePurpose,
            UseTerm = land.UseTerm,
            CertificateNumber = land.CertificateNumber,
            CertificateIssueDate = land.CertificateIssueDate.ToProto(),
            OnlyResidence = land.OnlyResidence,
        };
        proto.AttachedProperties.Add(land.AttachedProperties.Select(p => new Proto.AttachedProperty
        {
            Description = p.Description,
            FloorAreaM2 = p.FloorAreaM2,
            OwnedByDebtor = p.OwnedByDebtor,
            OwnerName = p.OwnerName,
        }));
        return proto;
    }

    private static Proto.House ToProto(this House house) => new()
    {
        Type = (Proto.House.Types.Type)house.Type,
        Province = house.Province,
        Commune = house.Commune,
        Address = house.Address,
        ApartmentNumber = house.ApartmentNumber,
        FloorAreaM2 = house.FloorAreaM2,
        CertificateNumber = house.CertificateNumber,
        CertificateIssueDate = house.CertificateIssueDate.ToProto(),
        OnlyResidence = house.OnlyResidence,
    };

    private static Proto.RoadVehicle ToProto(this RoadVehicle vehicle) => new()
    {
        PlateNumber = vehicle.PlateNumber,
        ChassisNumber = vehicle.ChassisNumber,
        EngineNumber = vehicle.EngineNumber,
        RegistrationCertificateNumber = vehicle.RegistrationCertificateNumber,
        RegistrationDate = vehicle.RegistrationDate.ToProto(),
        MakeModel = vehicle.MakeModel,
    };

    public static Party ToDomain(this Proto.Party party) => new()
    {
        Type = (PartyType)party.Type,
        FullName = party.FullName.Trim(),
        IdentityNumber = party.IdentityNumber.Trim(),
        Address = party.Address.Trim(),
    };

    public static AssetDetails ToDomainDetails(this Proto.NewAsset asset) => asset.DetailsCase switch
    {
        Proto.NewAsset.DetailsOneofCase.LandUseRight => new AssetDetails(AssetKind.LandUseRight, Land: asset.LandUseRight.ToDomain()),
        Proto.NewAsset.DetailsOneofCase.House => new AssetDetails(AssetKind.House, House: asset.House.ToDomain()),
        Proto.NewAsset.DetailsOneofCase.RoadVehicle => new AssetDetails(AssetKind.RoadVehicle, Vehicle: asset.RoadVehicle.ToDomain()),
        Proto.NewAsset.DetailsOneofCase.OtherMovable => new AssetDetails(AssetKind.OtherMovable, Movable: new OtherMovable
        {
            Description = asset.OtherMovable.Description.Trim(),
            IdentifyingMarks = asset.OtherMovable.IdentifyingMarks.Trim(),
            Quantity = asset.OtherMovable.Quantity,
        }),
        _ => throw new ArgumentException("The asset has no details; the validator should have refused it.", nameof(asset)),
    };

    public static Owner ToDomain(this Proto.Owner owner) => new()
    {
        Party = owner.Party.ToDomain(),
        JudgmentDebtor = owner.JudgmentDebtor,
        ShareNumerator = owner.ShareNumerator,
        ShareDenominator = owner.ShareDenominator,
    };

    public static Encumbrance ToDomain(this Proto.Encumbrance encumbrance) => new()
    {
        Type = (EncumbranceType)encumbrance.Type,
        SecuredParty = encumbrance.SecuredParty.ToDomain(),
        SecuredObligation = encumbrance.SecuredObligation.Trim(),
        SecuredAmount = encumbrance.SecuredAmount,
        RegistrationNumber = encumbrance.RegistrationNumber.Trim(),
        RegistrationDate = encumbrance.RegistrationDate.ToDateOnly(),
    };

    private static LandUseRight ToDomain(this Proto.LandUseRight land) => new()
    {
        Province = land.Province.Trim(),
        Commune = land.Commune.Trim(),
        MapSheetNumber = land.MapSheetNumber.Trim(),
        ParcelNumber = land.ParcelNumber.Trim(),
        Address = land.Address.Trim(),
        AreaM2 = land.AreaM2,
        LandUsePurpose = land.LandUsePurpose.Trim(),
        UseTerm = land.UseTerm.Trim(),
        CertificateNumber = land.CertificateNumber.Trim(),
        CertificateIssueDate = land.CertificateIssueDate.ToDateOnly(),
        OnlyResidence = land.OnlyResidence,
        AttachedProperties = [.. land.AttachedProperties.Select(p => new AttachedProperty
        {
            Description = p.Description.Trim(),
            FloorAreaM2 = p.FloorAreaM2,
            OwnedByDebtor = p.OwnedByDebtor,
            OwnerName = p.OwnerName.Trim(),
        })],
    };

    private static House ToDomain(this Proto.House house) => new()
    {
        Type = (HouseType)house.Type,
        Province = house.Province.Trim(),
        Commune = house.Commune.Trim(),
        Address = house.Address.Trim(),
        ApartmentNumber = house.ApartmentNumber.Trim(),
        FloorAreaM2 = house.FloorAreaM2,
        CertificateNumber = house.CertificateNumber.Trim(),
        CertificateIssueDate = house.CertificateIssueDate.ToDateOnly(),
        OnlyResidence = house.OnlyResidence,
    };

    private static RoadVehicle ToDomain(this Proto.RoadVehicle vehicle) => new()
    {
        PlateNumber = vehicle.PlateNumber.Trim(),
        ChassisNumber = vehicle.ChassisNumber.Trim(),
        EngineNumber = vehicle.EngineNumber.Trim(),
        RegistrationCertificateNumber = vehicle.RegistrationCertificateNumber.Trim(),
        RegistrationDate = vehicle.RegistrationDate.ToDateOnly(),
        MakeModel = vehicle.MakeModel.Trim(),
    };
}
