package io.mcprospero.agents.toolbox;

/** Whether an org's agents can use a tool now; if not, why, and what the person or an admin can do about it. */
public record Availability(boolean usable, String reason, String whatToDo) {

    public static final Availability USABLE = new Availability(true, null, null);

    public static Availability not(String reason, String whatToDo) {
        return new Availability(false, reason, whatToDo);
    }

    /** One sentence for a refusal: the reason and what to do. */
    public String explain(String tool) {
        return "the tool " + tool + " cannot be used: " + reason + "; " + whatToDo;
    }
}
