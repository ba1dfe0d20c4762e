using AssetAuction.Contracts.V1;
using AssetAuction.Service.Grpc;
using FluentValidation;

namespace AssetAuction.Service.Seizures;

/// <summary>A debtor, owner or secured party: its type said, its name given, every field within the stored limits.</summary>
internal sealed class PartyValidator : AbstractValidator<Party>
{
    public PartyValidator()
    {
        RuleFor(p => p.Type).IsDefinedValue().NotEqual(Party.Types.Type.Unspecified).WithMessage("Say whether it is an individual or an organization.");
        RuleFor(p => p.FullName).Required();
        RuleFor(p => p.IdentityNumber).Optional(64);
        RuleFor(p => p.Address).Optional(512);
    }
}
