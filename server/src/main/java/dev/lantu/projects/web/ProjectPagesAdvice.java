package dev.lantu.projects.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import dev.lantu.atlas.NotInAtlasException;
import dev.lantu.projects.ProjectNotFoundException;

/**
 * What every page of the pipeline has in common: forms bind only their own fields, the money formatter
 * is at hand, and a missing project, district or bad parameter gets the shell's error page.
 */
@ControllerAdvice(assignableTypes = { PipelineBoardPage.class, ProjectPage.class,
		ProjectRegistrationPage.class, ProjectImportPage.class, CityViewPage.class, DistrictProfilePage.class })
class ProjectPagesAdvice {

	private final Money money;

	ProjectPagesAdvice(ProjectPageSupport support) {
		this.money = support.money();
	}

	/** Forms bind only their own fields; nothing can set a project's id or version through them. */
	@InitBinder
	void disallowIds(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("money", money);
	}


	@ExceptionHandler(ProjectNotFoundException.class)
	ModelAndView noSuchProject(ProjectNotFoundException e, HttpServletRequest request) {
		return errorPage(HttpStatus.NOT_FOUND, e.getMessage(), request);
	}

	@ExceptionHandler(NotInAtlasException.class)
	ModelAndView notInAtlas(NotInAtlasException e, HttpServletRequest request) {
		return errorPage(HttpStatus.NOT_FOUND, e.getMessage(), request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
		return errorPage(HttpStatus.BAD_REQUEST, "'" + e.getName() + "': '" + e.getValue() + "'", request);
	}

	/** A filter the service refuses (an unknown track, say): the request was wrong, not the server. */
	@ExceptionHandler(IllegalArgumentException.class)
	ModelAndView badArgument(IllegalArgumentException e, HttpServletRequest request) {
		return errorPage(HttpStatus.BAD_REQUEST, e.getMessage(), request);
	}

	/** The shell's error page (templates/error.html), as Spring Boot's error controller fills it. */
	static ModelAndView errorPage(HttpStatus status, String detail, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("error", status.getReasonPhrase());
		page.addObject("detail", detail);
		page.addObject("path", request.getRequestURI());
		return page;
	}

}
