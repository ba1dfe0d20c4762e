using AssetAuction.Contracts.V1;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Grpc;
using FluentValidation;

namespace AssetAuction.Service.Seizures;

/// <summary>The data that identifies each kind of asset in the real world, its owners and its encumbrances.</summary>
internal sealed class NewAssetValidator : AbstractValidator<NewAsset>
{
    public const int MaxItems = 50;

    public NewAssetValidator()
    {
        RuleFor(a => a.Description).Optional(1000);
        RuleFor(a => a.SourceReference).Optional(128);
        RuleFor(a => a.DetailsCase).NotEqual(NewAsset.DetailsOneofCase.None)
            .WithMessage("Give the asset's details: land_use_right, house, road_vehicle or other_movable.")
            .OverridePropertyName("details");

        When(a => a.DetailsCase == NewAsset.DetailsOneofCase.LandUseRight, () =>
        {
            // Lengths keep the parcel's identity key within its indexed column (450) on SQL Server.
            RuleFor(a => a.LandUseRight.Province).Required(100);
            RuleFor(a => a.LandUseRight.Commune).Required(100);
            RuleFor(a => a.LandUseRight.MapSheetNumber).Required(32);
            RuleFor(a => a.LandUseRight.ParcelNumber).Required(32);
            RuleFor(a => a.LandUseRight.Address).Optional(512);
            RuleFor(a => a.LandUseRight.AreaM2).IsPositiveArea();
            RuleFor(a => a.LandUseRight.LandUsePurpose).Required(128);
            RuleFor(a => a.LandUseRight.UseTerm).Optional(128);
            RuleFor(a => a.LandUseRight.CertificateNumber).Optional(64);
            RuleFor(a => a.LandUseRight.CertificateIssueDate).IsOptionalDate();
            RuleFor(a => a.LandUseRight.AttachedProperties).Must(p => p.Count <= MaxItems).WithMessage($"At most {MaxItems} attached properties.");
            RuleForEach(a => a.LandUseRight.AttachedProperties).ChildRules(p =>
            {
                p.RuleFor(x => x.Description).Required(1000);
                p.RuleFor(x => x.FloorAreaM2).Must(v => double.IsFinite(v) && v >= 0).WithMessage("Must be zero or a positive number of square metres.");
                p.RuleFor(x => x.OwnerName).Must(n => !string.IsNullOrWhiteSpace(n)).When(x => !x.OwnedByDebtor).WithMessage("Name the owner when the property is not the debtor's.");
                p.RuleFor(x => x.OwnerName).Optional();
            }).When(a => a.LandUseRight.AttachedProperties.Count <= MaxItems);
        });
        When(a => a.DetailsCase == NewAsset.DetailsOneofCase.House, () =>
        {
            RuleFor(a => a.House.Type).IsDefinedValue().NotEqual(House.Types.Type.Unspecified).WithMessage("Say whether it is a house or an apartment.");
            RuleFor(a => a.House.Province).Required(100);
            RuleFor(a => a.House.Commune).Required(100);
            RuleFor(a => a.House.Address).Required(512);
            RuleFor(a => a.House.ApartmentNumber).Required(64).When(a => a.House.Type == House.Types.Type.Apartment);
            RuleFor(a => a.House.FloorAreaM2).IsPositiveArea();
            RuleFor(a => a.House.CertificateNumber).Optional(64);
            RuleFor(a => a.House.CertificateIssueDate).IsOptionalDate();
        });
        When(a => a.DetailsCase == NewAsset.DetailsOneofCase.RoadVehicle, () =>
        {
            RuleFor(a => a.RoadVehicle.ChassisNumber).Required(64);
            RuleFor(a => a.RoadVehicle.EngineNumber).Required(64);
            RuleFor(a => a.RoadVehicle.PlateNumber).Optional(32);
            RuleFor(a => a.RoadVehicle.RegistrationCertificateNumber).Optional(64);
            RuleFor(a => a.RoadVehicle.RegistrationDate).IsOptionalDate();
            RuleFor(a => a.RoadVehicle.MakeModel).Optional(128);
        });
        When(a => a.DetailsCase == NewAsset.DetailsOneofCase.OtherMovable, () =>
        {
            RuleFor(a => a.OtherMovable.Description).Required(1000);
            RuleFor(a => a.OtherMovable.IdentifyingMarks).Optional(512);
            RuleFor(a => a.OtherMovable.Quantity).GreaterThanOrEqualTo(1).WithMessage("Must be at least 1.");
        });

        RuleFor(a => a.Owners).NotEmpty().WithMessage("At least one owner is required.")
            .Must(o => o.Count <= MaxItems).WithMessage($"At most {MaxItems} owners.");
        RuleForEach(a => a.Owners).ChildRules(o =>
        {
            o.RuleFor(x => x.Party).NotNull().WithMessage("Is required.").SetValidator(new PartyValidator());
            o.RuleFor(x => x.ShareDenominator).GreaterThan(0).WithMessage("Must be positive.");
            o.RuleFor(x => x.ShareNumerator).GreaterThan(0).WithMessage("Must be positive.")
                .Must((x, n) => n <= x.ShareDenominator).WithMessage("A share cannot exceed the whole (numerator above denominator).");
        }).When(a => a.Owners.Count <= MaxItems);
        RuleFor(a => a.Owners)
            .Must(o => Share.AddUpToWhole(o.Select(x => (x.ShareNumerator, x.ShareDenominator))))
            .When(a => a.Owners.Count is > 0 and <= MaxItems && a.Owners.All(o => o.ShareNumerator > 0 && o.ShareDenominator > 0))
            .WithMessage("The owners' shares must add up to exactly one whole.");
        RuleFor(a => a.Owners)
            .Must(o => o.Any(x => x.JudgmentDebtor))
            .When(a => a.Owners.Count is > 0 and <= MaxItems)
            .WithMessage("At least one owner must be a judgment debtor: only a debtor's property (or share) can be seized.");

        RuleFor(a => a.Encumbrances).Must(e => e.Count <= MaxItems).WithMessage($"At most {MaxItems} encumbrances.");
        RuleForEach(a => a.Encumbrances).ChildRules(e =>
        {
            e.RuleFor(x => x.Type).IsDefinedValue().NotEqual(Encumbrance.Types.Type.Unspecified).WithMessage("Say what kind of security it is.");
            e.RuleFor(x => x.SecuredParty).NotNull().WithMessage("Name the secured party.").SetValidator(new PartyValidator());
            e.RuleFor(x => x.SecuredObligation).Required(512);
            e.RuleFor(x => x.RegistrationNumber).Optional(64);
            e.RuleFor(x => x.SecuredAmount).GreaterThanOrEqualTo(0).WithMessage("Must be zero (not stated) or a positive amount of dong.").IsWithinMoneyBounds();
            e.RuleFor(x => x.RegistrationDate).IsOptionalDate();
        }).When(a => a.Encumbrances.Count <= MaxItems);
    }
}
