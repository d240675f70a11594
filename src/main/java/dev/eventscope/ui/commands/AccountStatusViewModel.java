package dev.eventscope.ui.commands;

import dev.eventscope.application.CommandResult;
import dev.eventscope.domain.ledger.AccountCommand.FreezeAccount;
import dev.eventscope.domain.ledger.AccountCommand.UnfreezeAccount;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryId;

import java.util.function.Supplier;

/** Freeze an account (with a reason) or unfreeze it. */
public final class AccountStatusViewModel extends CommandFormViewModel {

    private final boolean freeze;
    private final FormField account;
    private final FormField reason;

    public AccountStatusViewModel(CommandEnvironment environment, boolean freeze) {
        super(freeze ? "Freeze an account" : "Unfreeze an account", freeze ? "Freeze" : "Unfreeze", environment);
        this.freeze = freeze;
        account = addField(ViolationTarget.ACCOUNT, "Account", FieldKind.ACCOUNT, "assets:bank:checking");
        reason = addField(ViolationTarget.REASON, "Reason", FieldKind.TEXT, freeze ? "why no posting may reach it" : "optional");
    }

    public boolean freezes() {
        return freeze;
    }

    @Override
    protected Object command(Supplier<EntryId> newEntryIds) {
        AccountName name = AccountName.of(required(account, "account name"));
        if (freeze) {
            return new FreezeAccount(name, required(reason, "reason for freezing"));
        }
        return new UnfreezeAccount(name);
    }

    @Override
    protected String describeDone(Object command, CommandResult result) {
        return (freeze ? "Froze " : "Unfroze ") + account.value() + ".";
    }
}
