using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

/// <summary>Registers what one creditor is owed under a case (it later decides its place in the order of payment).</summary>
public sealed class RegisterObligation(AssetAuctionDbContext db, MutationRunner runner, TimeProvider clock, IIdGenerator ids)
{
    public const string CreditorAlreadyRegistered = Reasons.CreditorAlreadyRegistered;

    public Task<V1.RegisterObligationResponse> HandleAsync(V1.RegisterObligationRequest request, RequestContext context) =>
        runner.RunAsync(context, request, request.RequestId, async log =>
        {
            var input = request.Obligation;
            var office = input.Office.Trim();
            context.Caller.EnsureCanChange(office, "the case");
            var caseNumber = input.CaseNumber.Trim();
            var creditorId = input.CreditorId.Trim();
            var existing = await db.Obligations.AsNoTracking().FirstOrDefaultAsync(o => o.Office == office && o.CaseNumber == caseNumber && o.CreditorId == creditorId, context.CancellationToken);
            if (existing is not null)
            {
                throw DomainException.Precondition(CreditorAlreadyRegistered, existing.Name, $"Creditor {creditorId} already has an obligation in case {caseNumber}: {existing.Name}.", new Dictionary<string, string> { ["obligation"] = existing.Name });
            }

            var now = clock.GetUtcNow();
            var obligation = new RegisteredObligation(ids.NewId(now), office, caseNumber, input.ToCalculation(), input.Creditor.IdentityNumber.Trim(), now);
            db.Obligations.Add(obligation);
            var proto = obligation.ToProto();
            log.Record(EventTypes.ObligationRegistered, obligation.Name, office, null, proto);
            return new V1.RegisterObligationResponse { Obligation = proto };
        });

    public sealed class Validator : AbstractValidator<V1.RegisterObligationRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Obligation).NotNull().WithMessage("Is required.").DependentRules(() =>
            {
                RuleFor(r => r.Obligation.Office).Required(64);
                RuleFor(r => r.Obligation.CaseNumber).Required(128);
                RuleFor(r => r.Obligation.CreditorId).Required(64);
                RuleFor(r => r.Obligation.Creditor).NotNull().WithMessage("Is required.").SetValidator(new Seizures.PartyValidator());
                RuleFor(r => r.Obligation.Owed).IsPositiveMoney();
                RuleFor(r => r.Obligation.Category).IsDefinedValue().NotEqual(V1.Obligation.Types.Category.Unspecified).WithMessage("Give the priority category (LTHADS 47.1).");
                RuleFor(r => r.Obligation.SecuredByAsset).Must(a => a.Length == 0 || ResourceNames.AssetId(a) is not null).WithMessage("Must be empty or assets/{asset}.");
                RuleFor(r => r.Obligation.CollateralRank).InclusiveBetween(0, 100);
                RuleFor(r => r.Obligation.RequestedOn).IsPastDate(clock);
                RuleFor(r => r.Obligation.EnforcementDecision).Optional(128);
                RuleFor(r => r.Obligation.Judgment).Optional(128);
                RuleFor(r => r.Obligation.ReceivedBefore).IsMoneyOrZero();
                RuleFor(r => r.Obligation.FeeChargedBefore).IsMoneyOrZero();
            });
        }
    }
}
