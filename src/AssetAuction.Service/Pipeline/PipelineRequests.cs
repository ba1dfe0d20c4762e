using AssetAuction.Domain.Assets;
using AssetAuction.Service.Grpc;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>Valuations from their request forms.</summary>
internal static class PipelineRequests
{
    public static Valuation ValuationFrom(V1.RecordValuationRequest request) => request.MethodCase switch
    {
        V1.RecordValuationRequest.MethodOneofCase.AgreedPrice => Agreed(request.AgreedPrice, request.NotifiedDate),
        V1.RecordValuationRequest.MethodOneofCase.Appraisal => ValuationFrom(request.Appraisal, request.NotifiedDate),
        _ => Officer(request.OfficerDecision, request.NotifiedDate),
    };

    public static Valuation ValuationFrom(V1.Appraisal appraisal, Google.Type.Date? notified)
    {
        var result = appraisal.CertificateDate.ToDateOnly()!.Value;
        return new Valuation
        {
            Method = ValuationMethod.Appraisal,
            Price = appraisal.Price,
            OrganizationName = appraisal.OrganizationName.Trim(),
            ContractNumber = appraisal.ContractNumber.Trim(),
            ContractDate = appraisal.ContractDate.ToDateOnly(),
            DocumentNumber = appraisal.CertificateNumber.Trim(),
            ResultDate = result,
            NotifiedDate = notified.ToDateOnly() ?? result,
        };
    }

    private static Valuation Agreed(V1.AgreedPrice agreed, Google.Type.Date? notified)
    {
        var result = agreed.AgreementDate.ToDateOnly()!.Value;
        return new Valuation { Method = ValuationMethod.Agreed, Price = agreed.Price, DocumentNumber = agreed.AgreementNumber.Trim(), ResultDate = result, NotifiedDate = notified.ToDateOnly() ?? result };
    }

    private static Valuation Officer(V1.OfficerDecision decision, Google.Type.Date? notified)
    {
        var result = decision.DecisionDate.ToDateOnly()!.Value;
        return new Valuation { Method = ValuationMethod.OfficerDecision, Price = decision.Price, DocumentNumber = decision.DecisionNumber.Trim(), ResultDate = result, NotifiedDate = notified.ToDateOnly() ?? result };
    }
}

/// <summary>An appraisal's shape: who, under which contract, what price, which certificate.</summary>
internal sealed class AppraisalValidator : AbstractValidator<V1.Appraisal>
{
    public AppraisalValidator(TimeProvider clock)
    {
        RuleFor(a => a.OrganizationName).Required();
        RuleFor(a => a.ContractNumber).Required(128);
        RuleFor(a => a.ContractDate).IsPastDate(clock);
        RuleFor(a => a.Price).IsPositiveMoney();
        RuleFor(a => a.CertificateNumber).Required(128);
        RuleFor(a => a.CertificateDate).IsPastDate(clock);
        RuleFor(a => a.CertificateDate)
            .Must((a, d) => a.ContractDate.ToDateOnly() is not { } signed || d.ToDateOnly() is not { } issued || issued >= signed)
            .WithMessage("The certificate cannot be dated before the valuation contract.");
    }
}

/// <summary>A round plan's shape; the law's limits (notice, window, deposit share) are the domain's.</summary>
internal sealed class RoundPlanValidator : AbstractValidator<V1.RoundPlan>
{
    public RoundPlanValidator()
    {
        RuleFor(p => p.AuctionTime).NotNull().WithMessage("Is required.")
            .Must(ProtoConvert.IsValidInstant).WithMessage("Must be a valid instant (nanos 0 to 999,999,999) from 1900 to 2100.");
        RuleFor(p => p.Place).Must(p => !string.IsNullOrWhiteSpace(p)).When(p => !p.Online).WithMessage("Give the venue, or set online.");
        RuleFor(p => p.Place).Optional(512);
        RuleFor(p => p.PostingDate).IsDate();
        RuleFor(p => p.RegistrationStart).IsDate();
        RuleFor(p => p.RegistrationEnd).IsDate();
        RuleFor(p => p.RegistrationEnd)
            .Must((p, end) => p.RegistrationStart.ToDateOnly() is not { } start || end.ToDateOnly() is not { } e || e >= start)
            .WithMessage("Registration cannot end before it starts.")
            .Must((p, end) => p.AuctionTime.ToInstant() is not { } at || end.ToDateOnly() is not { } e || e <= Domain.Common.VietnamTime.DateAt(at))
            .WithMessage("Registration must end by the auction day.");
        RuleFor(p => p.PostingDate)
            .Must((p, posted) => p.AuctionTime.ToInstant() is not { } at || posted.ToDateOnly() is not { } d || d < Domain.Common.VietnamTime.DateAt(at))
            .WithMessage("The notice must be posted before the auction day.");
        RuleFor(p => p.Deposit).IsPositiveMoney();
        RuleFor(p => p.BidStep).IsPositiveMoney();
        RuleFor(p => p.Method).IsDefinedValue().NotEqual(V1.RoundPlan.Types.Method.Unspecified).WithMessage("Give the auction method.");
    }
}
