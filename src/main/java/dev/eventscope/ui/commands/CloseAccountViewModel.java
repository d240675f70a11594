package dev.eventscope.ui.commands;

import dev.eventscope.application.CommandResult;
import dev.eventscope.domain.ledger.AccountCommand.CloseAccount;
import dev.eventscope.domain.ledger.AccountName;
import dev.eventscope.domain.ledger.EntryId;

import java.time.LocalDate;
import java.util.function.Supplier;

/** Close an account as of a date. */
public final class CloseAccountViewModel extends CommandFormViewModel {

    private final FormField account;
    private final FormField closedOn;

    public CloseAccountViewModel(CommandEnvironment environment) {
        super("Close an account", "Close account", environment);
        account = addField(ViolationTarget.ACCOUNT, "Account", FieldKind.ACCOUNT, "assets:bank:checking");
        closedOn = addField(ViolationTarget.DATE, "Closed on", FieldKind.DATE, "");
        closedOn.dateProperty().set(LocalDate.now(environment.clock()));
    }

    @Override
    protected Object command(Supplier<EntryId> newEntryIds) {
        return new CloseAccount(AccountName.of(required(account, "account name")), requiredDate(closedOn, "closing date"));
    }

    @Override
    protected String describeDone(Object command, CommandResult result) {
        return "Closed " + account.value() + ".";
    }
}
