package dev.lantu.accounts.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.lantu.accounts.Access;
import dev.lantu.accounts.Caller;

/** Every page knows who is looking: the page shell shows the account and a sign-out, or a sign-in link. */
@ControllerAdvice
class CallerAdvice {

	@ModelAttribute("caller")
	Caller caller() {
		return Access.caller();
	}

}
